import { registerEnumType } from 'type-graphql';

/** Which terms a list asks for. */
export enum TermStatus {
  DUE = 'DUE',
  OVERDUE = 'OVERDUE',
}

registerEnumType(TermStatus, {
  name: 'TermStatus',
  description: 'Terms (换届) a list asks for.',
  valuesConfig: {
    DUE: { description: 'Ending within the given months from today (即将到期)' },
    OVERDUE: { description: 'Ended, with no new election recorded (逾期未换届)' },
  },
});
