import type { EventPredicate } from './modifiers.js';

/** The kinds of event aigis reads; a Sigma rule's logsource maps to one of them. */
export type EventKind = 'cloudtrail' | 'k8s-audit' | 'falco';

export interface LogSource {
  product?: string;
  service?: string;
  category?: string;
}

/** Metadata common to detection and correlation rules (Sigma attribute names). */
export interface SigmaMeta {
  id: string;
  /** Sigma `name`: the reference used by correlation rules; for built-in rules also the aigis slug. */
  name?: string;
  title: string;
  status?: string;
  description?: string;
  author?: string;
  references: string[];
  tags: string[];
  falsepositives: string[];
  level?: string;
  /** aigis custom attribute: the remediation hint shown with an alert. */
  remediation?: string;
  /** File the rule came from. */
  file: string;
  builtin: boolean;
  /** The YAML document as written (export writes the files themselves; this is for inspection). */
  raw: Record<string, unknown>;
}

export interface DetectionRule extends SigmaMeta {
  type: 'detection';
  logsource: LogSource;
  /** Undefined when no aigis source produces this logsource (the rule is loaded but never runs). */
  kind?: EventKind;
  match: EventPredicate;
  /**
   * Lower-cased values of the kind's index field (eventName, objectRef.resource, Falco rule) that the
   * condition requires; undefined when the rule can match any value and must see every event.
   */
  indexKeys?: string[];
  /** Lower-cased literals one of which a record's raw JSON must contain for the rule to match (gate.ts). */
  gate?: string[];
}

export type CorrelationType = 'event_count' | 'value_count' | 'temporal' | 'temporal_ordered';

export interface CountCondition {
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
  eq?: number;
  /** value_count: the field whose distinct values are counted. */
  field?: string;
}

export interface CorrelationRule extends SigmaMeta {
  type: 'correlation';
  correlationType: CorrelationType;
  /** Referenced rules, by id or name, as written. */
  rules: string[];
  groupBy: string[];
  timespanMs: number;
  condition: CountCondition;
  /** alias → (rule name or id → field). */
  aliases: Record<string, Record<string, string>>;
  generate: boolean;
}

export type AnyRule = DetectionRule | CorrelationRule;

/** A rule file (or a document of one) that could not be loaded, and why. */
export interface RuleProblem {
  file: string;
  ruleId?: string;
  title?: string;
  message: string;
  /** `unsupported` when the rule is valid Sigma using a construct aigis does not implement. */
  kind: 'unsupported' | 'invalid';
}
