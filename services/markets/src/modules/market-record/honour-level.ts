import { registerEnumType } from 'type-graphql';

/** Who gave an honour. */
export enum HonourLevel {
  CITY = 'CITY',
  PROVINCE = 'PROVINCE',
}

registerEnumType(HonourLevel, {
  name: 'HonourLevel',
  description: 'Who gave an honour: a city (市级) or the province (省级).',
});
