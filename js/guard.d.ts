// The guard: the one object the loader, the runtime and the modules loaded later share
// (window[Symbol.for('consent-guard')]). Not public: pages use window.ConsentGuard
// (consent-guard.d.ts). Each member names the file that sets it; tests/node/guard-contract.test.mjs
// fails when code uses a member not described here, or this describes one nothing uses.

/** A held element (js/loader/hold-elements.js), let go by js/runtime/release.js. */
export interface Held {
  el: Element;
  kind: 'script' | 'img' | 'iframe';
  /** Purpose bits that hold it (data.p), data.u while its host is not placed yet, 8 for good. */
  bit?: number;
  url?: string;
  /** A hand-tagged element's data-consent value. */
  manual?: string;
  /** Takes a frame's placeholder away (js/notices/). */
  unplace?: () => void;
  /** Takes the stand-in for the script's page globals away and replays their calls (VK). */
  unstub?: () => void;
}

/** The loader's generated copy of the registry (wasm/include/cg/loader_data.h). */
export interface LoaderData {
  h: [RegExp, number][];
  u: number;
  p: Record<string, number>;
  g: [RegExp, string][];
  d: Record<string, string | number>;
}

/** The core's calls (js/runtime/core-bridge.js over wasm/bindings/core_exports.cpp). */
export interface CoreCalls {
  [call: string]: (...args: (string | number)[]) => string | number;
}

export interface Guard {
  // --- set by the loader (js/loader/guard.js createGuard, index.js) ---
  /** Purpose bits the visitor allowed; raised by js/runtime/apply.js once masking is on. */
  allowed: number;
  held: Held[];
  released: WeakSet<Element>;
  /** Tracker tags written in the HTML, for the runtime's console warning. */
  preloaded: { tag: string; url: string }[];
  tag: HTMLScriptElement | null;
  data: LoaderData;
  /** Natives code before the tag made impossible to replace (js/loader/patch.js). */
  unguarded: string[];
  /** The folder the guard's files are served from. */
  base: string;
  listeners: { change: ((event: unknown) => void)[] };
  failure: string | null;
  /** API calls made before the core was ready. */
  queue: { name: string; arg: unknown; resolve: (v: unknown) => void; reject: (e: unknown) => void }[];
  /** A URL's purpose bits: the loader's copy, replaced by the core's (js/runtime/classifier.js). */
  purposeOf(url: string): number;
  blocks(url: string): number;
  whenKnown(url: string): Promise<void>;
  /** Replaced by js/runtime/classifier.js. */
  frameBlocks(url: string, frame?: unknown): number;
  /** Replaced by js/runtime/classifier.js. */
  nameBlocks(cookie: boolean, name: string): number;
  sockets: Set<WebSocket>;
  ready: Promise<void>;
  resolve: () => void;
  reject: (error: Error) => void;
  fail(reason: string): void;
  /** The core's wasm response, fetched by the loader beside the core's script. */
  wasm: Promise<Response>;
  /** Raw natives the runtime releases with (js/loader/hold-elements.js rawNatives). */
  raw: {
    setAttribute: Element['setAttribute'];
    src: Record<string, (this: Element, value: string) => void>;
    typeDesc: PropertyDescriptor;
    heldScripts: WeakMap<Element, { type: string | null; released?: boolean }>;
    kindOf(node: Node): 'script' | 'img' | 'iframe' | null;
    hold(el: Element, url: string): boolean;
  };
  /** The native cookie setter (js/loader/guard-storage.js), for the purge. */
  rawCookie: (value: string) => void;

  // --- set by the runtime (js/runtime/) ---
  /** index.js */
  core: CoreCalls;
  /** index.js: what window.ConsentGuard calls once the core is ready. */
  impl: {
    get(): unknown;
    decide(choice: unknown, via?: unknown): Promise<unknown>;
    open(): Promise<void>;
    receipts(): Promise<unknown>;
  };
  /** index.js: lets hand-tagged elements added later go. */
  release: () => void;
  /** index.js: loads consent-guard-notices.js. */
  notices: () => Promise<{ placeholders(guard: Guard): void; showReloadNotice(...args: unknown[]): void }>;
  noticesFailed: (error: Error) => void;
  /** classifier.js: resolves once a URL's host is placed (the long tail loaded if needed). */
  known(url: string): Promise<void>;
  /** masking-gate.js */
  whenMasked(needed: boolean): Promise<void>;
  /** masking-gate.js: the masking module's API once loaded (maskingReport). */
  masking: { report(): unknown[] } | null;
  /** apply.js: the latest answer's allowed bits, applied once masking is on. */
  latestAllowed: number;
  /** apply.js: Metrica's init options under this decision (webvisor: false, ...). */
  metricaPatch: Record<string, boolean>;
  /** stubs.js: the purpose bits each queue function follows (Core::stubs). */
  stubsFollow: Record<string, number>;
  /** receipt-queue.js */
  site: string;
  receiptsEndpoint: string;
  pendingReceipts: { add(input: unknown): void; read(): unknown[] };
  receipts: { record(via: unknown): void; list(): Promise<unknown> };
  /** tabs.js */
  broadcast: () => void;
  /** ui.js */
  ui: { open(): void; decided(): void };

  // --- set by js/runtime/chunks.js for each module it loads, called by the module ---
  onNoticesModule: ChunkHook;
  onMaskingModule: ChunkHook;
  onReceiptsModule: ChunkHook;
  onLongTail: ChunkHook;
}

/** How a module loaded later hands over its API (or its error); wasm is its wasm response. */
export interface ChunkHook {
  (api: unknown, error?: Error): void;
  wasm?: Promise<Response>;
}
