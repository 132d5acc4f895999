// Types for electron-binary.mjs so the TypeScript tests can import it under strict mode.
export declare const FALLBACK_NOTICE: string;
export declare function electronPackageDir(fromUrl?: string): string | null;
export interface BinaryProbe {
  env?: Record<string, string | undefined>;
  exists?: (file: string) => boolean;
  readFile?: (file: string) => string;
}
export declare function findElectronBinary(electronDir: string | null, probe?: BinaryProbe): string | null;
export interface LaunchPlan {
  mode: 'electron' | 'browser';
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  notice: string | null;
}
export declare function planLaunch(options: {
  binary: string | null;
  args: readonly string[];
  root: string;
  nodePath?: string;
  env?: Record<string, string | undefined>;
}): LaunchPlan;
export declare function exitCodeFor(code: number | null, signal: NodeJS.Signals | null): number;
