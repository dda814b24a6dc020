import { registerEnumType } from 'type-graphql';
import type { RegistryFigures } from './registry-figures.type.js';

/** A single registry figure, to rank regions by or follow over time. */
export enum RegistryFigure {
  MARKET_ENTITIES = 'MARKET_ENTITIES',
  PARTY_MEMBERS = 'PARTY_MEMBERS',
  IDENTITY_DISCLOSURE = 'IDENTITY_DISCLOSURE',
  FLOATING_FEEDBACK_COMPLETION = 'FLOATING_FEEDBACK_COMPLETION',
}

registerEnumType(RegistryFigure, {
  name: 'RegistryFigure',
  description: 'One registry figure (a count, or a rate 0–1), as registryFigures answers it.',
  valuesConfig: {
    MARKET_ENTITIES: { description: 'Market entities not deregistered (市场主体存量).' },
    PARTY_MEMBERS: { description: 'Party members on the books (党员数).' },
    IDENTITY_DISCLOSURE: { description: 'Identity disclosure rate (三亮率).' },
    FLOATING_FEEDBACK_COMPLETION: { description: 'Floating-member feedback completion (双向反馈完成率).' },
  },
});

/** The figure's value in a region's figures: the count, or the rate's value (null without a denominator). */
export function registryFigureValue(figures: RegistryFigures, figure: RegistryFigure): number | null {
  switch (figure) {
    case RegistryFigure.MARKET_ENTITIES:
      return figures.marketEntities.existing;
    case RegistryFigure.PARTY_MEMBERS:
      return figures.partyMembers.total;
    case RegistryFigure.IDENTITY_DISCLOSURE:
      return figures.partyMembers.identityDisclosure.value;
    case RegistryFigure.FLOATING_FEEDBACK_COMPLETION:
      return figures.partyMembers.floatingFeedbackCompletion.value;
  }
}
