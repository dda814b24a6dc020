import { registerEnumType } from 'type-graphql';

/** Which entities a coverage rate is taken over; documents differ, so the caller chooses (default OPERATING). */
export enum CoverageDenominator {
  OPERATING = 'OPERATING',
  ENTERPRISES = 'ENTERPRISES',
  STANDALONE_CAPABLE = 'STANDALONE_CAPABLE',
  LARGE_STAFF = 'LARGE_STAFF',
}

registerEnumType(CoverageDenominator, {
  name: 'CoverageDenominator',
  description: 'The entities a coverage rate is taken over (覆盖率分母).',
  valuesConfig: {
    OPERATING: { description: 'Operating market entities of every kind (实体运营的市场主体). The default.' },
    ENTERPRISES: {
      description:
        'Operating enterprises only: small/micro enterprises and market operators, not individual businesses (企业).',
    },
    STANDALONE_CAPABLE: {
      description: 'Operating entities with at least 3 formal members working there (具备单独组建条件).',
    },
    LARGE_STAFF: { description: 'Operating entities with at least 50 staff (从业人员50人以上).' },
  },
});
