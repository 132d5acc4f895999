// One row of the day board as the contract answers it.
import type { z } from 'zod';
import type { dayBoardMethods } from '@shared/contract/dayBoard';

export type BoardRow = z.output<(typeof dayBoardMethods)['dayBoard.get']['output']>['rows'][number];
