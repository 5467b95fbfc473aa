// consent-guard: the public contract of window.ConsentGuard (v0).
// Hand-written; checked by `npx tsc --noEmit -p tests/types` in the test suite.

/** The purposes a visitor decides on. `necessary` is always on. */
export type Purpose = 'necessary' | 'analytics' | 'session_recording' | 'marketing';

/** The optional purposes, which only the visitor can switch on. */
export type OptionalPurpose = Exclude<Purpose, 'necessary'>;

export interface ConsentState {
  /** Whether the visitor has decided (for this site and this policy version, still valid). */
  decided: boolean;
  /** Per purpose: allowed or not. All false but `necessary` until the visitor decides. */
  purposes: { necessary: true } & Record<OptionalPurpose, boolean>;
  /** The policy version the decision was made under (the tag's data-policy-version). */
  policyVersion: string | null;
  /** When the visitor decided, ISO 8601 in UTC (whole seconds), or null. */
  updatedAt: string | null;
  /**
   * The decision's id: 22 base64url characters (128 random bits), null when undecided or
   * when the decision was stored by an older version. Forms named in `forms.selector` send it.
   */
  decisionId: string | null;
}

/** What `on('change')` listeners receive: the new state. */
export interface ConsentChange extends ConsentState {
  /** True when purposes were withdrawn: trackers already running stop fully after a reload. */
  reloadRequired?: true;
}

/**
 * A choice for `set()`: purposes to switch on (true) or off (false). Purposes left out keep
 * their current value. `necessary: false` and unknown purposes are refused.
 */
export type ConsentChoice = Partial<Record<OptionalPurpose, boolean>> & { necessary?: true };

/** The kinds of personal data the masking classifier knows. */
export type PersonalDataKind =
  'none' | 'person_name' | 'phone' | 'email' | 'address' | 'iin' | 'birth_date' | 'card' | 'secret' | 'message';

/** One element masked from session recorders. */
export interface MaskingEntry {
  element: Element;
  /** A form field, or a block of text showing personal data. */
  target: 'field' | 'text';
  /** What the classifier found (`none` when only the operator's data-consent-guard-mask decided). */
  kind: PersonalDataKind;
  /** What decided, e.g. `type=password`, `label:телефон`, `text:phone`, `data-consent-guard-mask`. */
  signal: string;
}

/** One signed consent receipt kept by the visitor's browser (see docs/receipts.md). */
export interface ConsentReceipt {
  /** The receipt id: the decision's id (ConsentState.decisionId at the time). */
  jti: string;
  /** Position in this browser's chain of receipts, from 0. */
  seq: number;
  event: 'given' | 'refused' | 'changed' | 'withdrawn' | 'renewed';
  /** When the receipt was made, ISO 8601. */
  createdAt: string;
  /** The receipt: a compact JWS (ES256, or unsigned with alg none where the page cannot sign). */
  jws: string;
  /** What the visitor was shown when deciding (its SHA-256 is the receipt's notice). */
  notice: unknown;
  /** The operator's collector's acknowledgement (a compact JWS), once it arrived. */
  ack: string | null;
  ackedAt: string | null;
}

export interface ConsentGuard {
  /**
   * Resolves (with this object) once the core is loaded and the stored decision, if any, is
   * applied. Rejects when the core cannot load or the configuration is invalid: trackers
   * then stay blocked, and the console says why.
   */
  readonly ready: Promise<ConsentGuard>;
  /** The current state; before `ready`, the undecided state. */
  get(): ConsentState;
  /** Allows every purpose. Resolves with the new state once applied. */
  acceptAll(): Promise<ConsentState>;
  /** Refuses every optional purpose (withdraws any given before). */
  rejectAll(): Promise<ConsentState>;
  /** Sets some purposes; rejects with a TypeError naming the field for a bad choice. */
  set(choice: ConsentChoice): Promise<ConsentState>;
  /**
   * Opens the settings layer of the built-in banner (once the core is ready). Elements with a
   * `data-consent-guard-open` attribute do the same when clicked.
   */
  open(): void;
  /**
   * What is masked from session recorders on this page, and why. Masking starts once the
   * visitor has allowed a purpose (before anything allowed is released), so this is empty
   * until then. Elements no longer in the document are left out.
   */
  maskingReport(): MaskingEntry[];
  /**
   * The visitor's signed consent receipts for this site, oldest first, with the collector's
   * acknowledgements. Loads the receipts code if it is not loaded yet.
   */
  receipts(): Promise<ConsentReceipt[]>;
  /**
   * Calls `listener` after every decision, in this tab or another tab of the site. Throws a
   * TypeError for an unknown event.
   */
  on(event: 'change', listener: (state: ConsentChange) => void): ConsentGuard;
  off(event: 'change', listener: (state: ConsentChange) => void): ConsentGuard;
}

declare global {
  interface Window {
    /**
     * Frozen, and fixed on window: it cannot be replaced or changed after the tag ran (an
     * element with id="ConsentGuard" or an earlier value does not switch the guard off).
     */
    readonly ConsentGuard: Readonly<ConsentGuard>;
  }
}
