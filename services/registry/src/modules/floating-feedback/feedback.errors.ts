/** Domain error codes of two-way feedback; published in the schema (RegistryErrorCode), passed through by the gateway. */
export const FeedbackErrorCode = {
  NotApplicable: 'FEEDBACK_NOT_APPLICABLE',
  StepOutOfOrder: 'FEEDBACK_STEP_OUT_OF_ORDER',
} as const;
