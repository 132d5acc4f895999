// The kanban's keyboard, as a pure rule: with a card selected, → / ← move it to the next / previous stage of the sales
// process (negotiate → won closes it, asking first), ↑ / ↓ select the card above / below in its column, Enter opens it.
import { isClosedStage, nextStage, previousStage, type OpportunityStage } from '@shared/domain/opportunity';

export interface BoardColumnCards {
  stage: OpportunityStage;
  cards: ReadonlyArray<{ id: number }>;
}

export type BoardKeyAction =
  | { kind: 'move'; id: number; from: OpportunityStage; to: OpportunityStage }
  | { kind: 'select'; id: number }
  | { kind: 'open'; id: number }
  /** the key means nothing here (a closed card moved, the first stage moved back, the edge of a column) */
  | { kind: 'none'; closed?: boolean };

/** Where the card is: its column's stage and its place in it; null when it is not on the board. */
export function locate(
  columns: readonly BoardColumnCards[],
  id: number,
): { stage: OpportunityStage; index: number; column: number } | null {
  for (const [column, c] of columns.entries()) {
    const index = c.cards.findIndex((card) => card.id === id);
    if (index >= 0) return { stage: c.stage, index, column };
  }
  return null;
}

export function boardKey(columns: readonly BoardColumnCards[], selectedId: number | null, key: string): BoardKeyAction {
  if (selectedId === null) return { kind: 'none' };
  const at = locate(columns, selectedId);
  if (!at) return { kind: 'none' };
  if (key === 'Enter') return { kind: 'open', id: selectedId };
  if (key === 'ArrowRight' || key === 'ArrowLeft') {
    if (isClosedStage(at.stage)) return { kind: 'none', closed: true };
    const to = key === 'ArrowRight' ? nextStage(at.stage) : previousStage(at.stage);
    return to ? { kind: 'move', id: selectedId, from: at.stage, to } : { kind: 'none' };
  }
  if (key === 'ArrowDown' || key === 'ArrowUp') {
    const cards = columns[at.column]!.cards;
    const next = cards[at.index + (key === 'ArrowDown' ? 1 : -1)];
    return next ? { kind: 'select', id: next.id } : { kind: 'none' };
  }
  return { kind: 'none' };
}

/** A drop on another column: a move, unless it is the card's own column or the card is closed. */
export function dropMove(columns: readonly BoardColumnCards[], id: number, to: OpportunityStage): BoardKeyAction {
  const at = locate(columns, id);
  if (!at || at.stage === to) return { kind: 'none' };
  if (isClosedStage(at.stage)) return { kind: 'none', closed: true };
  return { kind: 'move', id, from: at.stage, to };
}
