/** A file that cannot be read as the registration form at all; the message says what to fix. */
export class FormFileError extends Error {}
