// Compiles only if consent-guard.d.ts describes the API as the README documents it.
import type {
  ConsentGuard,
  ConsentState,
  ConsentChange,
  MaskingEntry,
  ConsentReceipt,
} from '../../js/consent-guard.d.ts';

declare const guard: ConsentGuard;

async function usage(): Promise<void> {
  await guard.ready;
  const state: ConsentState = guard.get();
  const analytics: boolean = state.purposes.analytics;
  const when: string | null = state.updatedAt;
  const decision: string | null = state.decisionId;
  void decision;
  await guard.acceptAll();
  await guard.rejectAll();
  guard.open();
  const masked: MaskingEntry[] = guard.maskingReport();
  const receipts: ConsentReceipt[] = await guard.receipts();
  const acked: boolean = receipts.every((r) => r.ack !== null && r.jws.split('.').length === 3);
  void acked;
  const first: { el: Element; kind: string } | undefined = masked.map((e) => ({ el: e.element, kind: e.kind }))[0];
  void first;
  await guard.set({ analytics: true, session_recording: false });
  guard.on('change', (s: ConsentChange) => s.reloadRequired === true).off('change', () => undefined);
  void analytics;
  void when;
  // @ts-expect-error necessary cannot be switched off
  await guard.set({ necessary: false });
  // @ts-expect-error unknown purposes are refused
  await guard.set({ statistics: true });
  // @ts-expect-error only 'change' events exist
  guard.on('chnage', () => undefined);
  const fromWindow: ConsentGuard = window.ConsentGuard;
  void fromWindow;
}
void usage;
