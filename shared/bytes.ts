/** File sizes for messages and screens: "13.5 KB", "20.0 MB". `byteUnit` names plain bytes (B, or 字节 in Chinese prose). */
export function formatBytes(n: number, byteUnit = 'B'): string {
  if (n >= 1024 * 1024 * 1024) return `${(n / 1024 / 1024 / 1024).toFixed(1)} GB`;
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} ${byteUnit}`;
}
