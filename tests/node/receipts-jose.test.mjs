// Interoperability of consent receipts with npm `jose`, both ways (issue 5):
// (a) receipts made and signed with jose in the documented format verify with cg-verify;
// (b) receipts made by the C++ builder and signed with OpenSSL verify with jose;
// a changed byte anywhere fails both. Binaries: CG_VERIFY (default
// build/native/operator/cli/cg-verify) and CG_MAKE_RECEIPTS (default
// build/native/tests/cg-make-receipts).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CompactSign,
  EmbeddedJWK,
  calculateJwkThumbprint,
  compactVerify,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  importJWK,
} from 'jose';
import { root } from './core.mjs';

const cgVerify = process.env.CG_VERIFY || join(root, 'build/native/operator/cli/cg-verify');
const makeReceipts = process.env.CG_MAKE_RECEIPTS || join(root, 'build/native/tests/cg-make-receipts');
const vectors = join(root, 'tests/vectors/receipts');
const aud = 'https://namo.kz';
const work = mkdtempSync(join(tmpdir(), 'cg-receipts-'));
after(() => rmSync(work, { recursive: true, force: true }));

const sha256 = (text) => createHash('sha256').update(text).digest('base64url');
const utf8 = new TextDecoder('utf-8', { fatal: true });

// Runs cg-verify on receipts (one per line); returns its exit status and output lines.
function verifyWithCli(receipts, args = []) {
  const file = join(work, `in-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(file, receipts.join('\n') + '\n');
  const run = spawnSync(cgVerify, ['--aud', aud, ...args, file], { encoding: 'utf8' });
  assert.equal(run.error, undefined, `cannot run ${cgVerify}: build it first`);
  return { status: run.status, lines: run.stdout.trim().split('\n') };
}

// A receipt payload in the documented format (docs/receipts.md), written independently of
// the C++ builder. Registry facts (name, vendor, country) are those of yandex_metrica.
function payloadFor({ jwk, kid, seq, prev, analytics }) {
  const iat = 1767225600 + seq * 60;
  const jti = `jose-receipt-${seq}`;
  const decisions = [
    { purpose: 'necessary', consentGiven: true, services: [] },
    { purpose: 'analytics', consentGiven: analytics, services: ['yandex_metrica'] },
  ];
  return {
    version: 'KI-CR-v1.1.0',
    profile: 'consent-guard-receipt/1',
    jurisdiction: 'KZ',
    consentTimestamp: iat,
    collectionMethod: { button: analytics ? 'accept_all' : 'reject_all', layer: 'banner' },
    consentReceiptID: jti,
    publicKey: { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y },
    language: 'kk',
    piiPrincipalId: `urn:ietf:params:oauth:jwk-thumbprint:sha-256:${kid}`,
    piiControllers: [{ piiController: 'ТОО «Намо»', bin: '180540012343', contact: 'privacy@namo.kz' }],
    policyUrl: 'https://namo.kz/privacy',
    policyVersion: '2026-01',
    services: [
      {
        service: 'Yandex.Metrica',
        serviceId: 'yandex_metrica',
        purposes: [
          {
            purpose: 'analytics',
            consentType: 'EXPLICIT',
            consentGiven: analytics,
            thirdPartyDisclosure: true,
            thirdPartyName: 'Yandex LLC',
            recipientCountries: ['RU'],
            crossBorderTransfer: true,
          },
        ],
      },
    ],
    sensitive: false,
    spiCat: [],
    jti,
    aud,
    iat,
    exp: iat + 365 * 86400,
    event: seq === 0 ? 'given' : analytics ? 'changed' : 'withdrawn',
    decisions,
    notice: sha256('{"texts":{}}'),
    withdrawal: { method: 'Cookie settings link in the footer', url: '' },
    storage: { location: 'KZ', retention: 'P3Y' },
    seq,
    prev,
    signing: { status: 'ES256', key: 'persistent' },
  };
}

// Three chained receipts signed by jose with a fresh P-256 key.
async function joseChain() {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk);
  const header = {
    alg: 'ES256',
    typ: 'consent-receipt+jwt',
    kid,
    jwk: { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y },
  };
  const out = [];
  let prev = null;
  for (let seq = 0; seq < 3; seq++) {
    const payload = payloadFor({ jwk, kid, seq, prev, analytics: seq !== 1 });
    const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
      .setProtectedHeader(header)
      .sign(privateKey);
    out.push(jws);
    prev = sha256(jws);
  }
  return { receipts: out, kid };
}

// The JWS with one character changed: in the header, the payload or the signature.
function tampered(jws) {
  const [h, p, s] = jws.split('.');
  const flip = (part, at) => part.slice(0, at) + (part[at] === 'A' ? 'B' : 'A') + part.slice(at + 1);
  return [
    [flip(h, 5), p, s].join('.'),
    [h, flip(p, 10), s].join('.'),
    [h, flip(p, Math.floor(p.length / 2)), s].join('.'),
    [h, flip(p, p.length - 5), s].join('.'),
    [h, p, flip(s, 0)].join('.'),
    [h, p, flip(s, 40)].join('.'),
  ];
}

// jose's check of a receipt: signature with the embedded key, then what jose can check of
// our header rules (typ, kid = thumbprint). Returns the payload bytes.
async function joseAccepts(jws) {
  const { payload, protectedHeader } = await compactVerify(jws, EmbeddedJWK, { algorithms: ['ES256'] });
  assert.equal(protectedHeader.typ, 'consent-receipt+jwt');
  assert.equal(protectedHeader.kid, await calculateJwkThumbprint(protectedHeader.jwk));
  return payload;
}

const verifyWithJose = async (jws) => JSON.parse(utf8.decode(await joseAccepts(jws)));

test('receipts made and signed with jose verify with cg-verify', async () => {
  const { receipts, kid } = await joseChain();
  const { status, lines } = verifyWithCli(receipts);
  assert.equal(status, 0, lines.join('\n'));
  assert.equal(lines.filter((l) => l.includes(': VALID ')).length, 3);
  assert.match(lines.at(-1), /^summary: 3 receipts: 3 valid, 0 unsigned, 0 invalid; 1 keys, 0 chain findings$/);
  // The query mode answers from them: analytics withdrawn at seq 1, given again at seq 2.
  const at = (t) => verifyWithCli(receipts, ['--at', String(t), '--purpose', 'analytics', '--key', kid]).lines;
  assert.match(at(1767225600 + 90).join('\n'), /: refused\n {2}based on line 2:/);
  assert.match(at(1767225600 + 120).join('\n'), /: given\n {2}based on line 3:/);
});

test('a changed byte in a jose receipt fails cg-verify and jose', async () => {
  const { receipts } = await joseChain();
  const bad = tampered(receipts[0]);
  const { status, lines } = verifyWithCli(bad);
  assert.equal(status, 1);
  const verdicts = lines.filter((l) => l.startsWith('line '));
  assert.equal(verdicts.length, bad.length);
  for (const v of verdicts) assert.match(v, /: INVALID (structure|header|signature)\.[a-z0-9-]+: /);
  for (const jws of bad) await assert.rejects(verifyWithJose(jws));
});

test('receipts made by the C++ builder and signed with OpenSSL verify with jose', async () => {
  const receipts = execFileSync(makeReceipts, ['chain', '3', '--aud', aud], { encoding: 'utf8' }).trim().split('\n');
  assert.equal(receipts.length, 3);
  let prev = null;
  for (const [seq, jws] of receipts.entries()) {
    const payload = await verifyWithJose(jws);
    const { kid } = decodeProtectedHeader(jws);
    assert.equal(payload.seq, seq);
    assert.equal(payload.prev, prev);
    assert.equal(payload.piiPrincipalId, `urn:ietf:params:oauth:jwk-thumbprint:sha-256:${kid}`);
    assert.equal(payload.aud, aud);
    prev = sha256(jws);
  }
  assert.equal(verifyWithCli(receipts).status, 0);
  for (const jws of tampered(receipts[1])) await assert.rejects(verifyWithJose(jws));
  assert.equal(verifyWithCli(tampered(receipts[1])).status, 1);
});

test('unsigned receipts: jose refuses alg none, cg-verify reports them as unsigned', async () => {
  const jws = execFileSync(makeReceipts, ['unsigned', '--aud', aud], { encoding: 'utf8' }).trim();
  assert.equal(jws.split('.')[2], '');
  await assert.rejects(compactVerify(jws, EmbeddedJWK));
  const { status, lines } = verifyWithCli([jws]);
  assert.equal(status, 3);
  assert.match(lines[0], /^line 1: UNSIGNED \(insecure-context\) /);
});

test('shared vectors: the builder vector and the valid cases verify with jose', async () => {
  const builder = JSON.parse(readFileSync(join(vectors, 'builder.json'), 'utf8'));
  const keys = JSON.parse(readFileSync(join(vectors, 'keys.json'), 'utf8'));
  const payload = await verifyWithJose(builder.jws);
  assert.equal(payload.notice, builder.noticeHash);
  // The worked example in docs/receipts.md is this receipt.
  const docs = readFileSync(join(root, 'docs/receipts.md'), 'utf8');
  const example = docs
    .split('<!-- example-jws -->')[1]
    .split('```')[1]
    .replace(/^text|\s/g, '');
  assert.equal(example, builder.jws);
  assert.equal(builder.prepared.kid, keys.signer.kid);
  // The published test key signs receipts jose and cg-verify both accept.
  const { d, ...pub } = keys.signer;
  const privateKey = await importJWK({ ...pub, d, kid: undefined }, 'ES256');
  const header = JSON.parse(builder.prepared.header);
  const resigned = await new CompactSign(new TextEncoder().encode(builder.prepared.payload))
    .setProtectedHeader(header)
    .sign(privateKey);
  await verifyWithJose(resigned);
  assert.equal(verifyWithCli([resigned]).status, 0);

  // How jose (with our typ and kid checks on top) sees each case. Payload rules are ours
  // alone: jose checks no payload schema. Where else cg-verify is stricter than jose is
  // listed here, so that a change on either side shows up.
  const stricterThanJose = new Set([
    'header.jku',
    'header.x5u',
    'header.x5c',
    'header.unknown-member',
    'header.jwk-members',
  ]);
  const { cases } = JSON.parse(readFileSync(join(vectors, 'verify.json'), 'utf8'));
  for (const c of cases) {
    const joseSays = await joseAccepts(c.jws).then(
      () => 'valid',
      () => 'invalid',
    );
    const onlyOurs =
      c.status === 'valid' ||
      c.code?.startsWith('payload.') ||
      stricterThanJose.has(c.code) ||
      c.name === 'structure: padded signature'; // jose decodes base64url leniently
    assert.equal(joseSays, onlyOurs ? 'valid' : 'invalid', c.name);
  }
});
