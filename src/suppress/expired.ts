/**
 * `Note.source` of the warning written for each expired ignore entry (counted by every format's
 * summary). In a module of its own: the formatters count these notes without loading the matcher.
 */
export const EXPIRED_IGNORE_SOURCE = 'suppress/expired';
