import { describe, expect, it } from 'vitest';
import { isLoopbackHost, isPrivateNetworkHost, parseIpv4 } from './network';

describe('parseIpv4', () => {
  it('reads dotted-decimal addresses and rejects everything else', () => {
    expect(parseIpv4('192.168.1.20')).toEqual([192, 168, 1, 20]);
    expect(parseIpv4('256.1.1.1')).toBeUndefined();
    expect(parseIpv4('1.2.3')).toBeUndefined();
    expect(parseIpv4('example.com')).toBeUndefined();
  });
});

describe('isLoopbackHost', () => {
  it.each([
    'localhost',
    'LOCALHOST',
    'app.localhost',
    'localhost.',
    '127.0.0.1',
    '127.9.8.7',
    '[::1]',
    '[::ffff:7f00:1]',
  ])('%s is this computer', (host) => expect(isLoopbackHost(host)).toBe(true));

  it.each([
    '192.168.1.1',
    'example.com',
    'localhost.example.com',
    '[::2]',
    '[fd00::1]',
    '[::ffff:c0a8:1]',
    '',
  ])('%s is not this computer', (host) => expect(isLoopbackHost(host)).toBe(false));
});

describe('isPrivateNetworkHost', () => {
  it.each([
    'localhost',
    '127.0.0.1',
    '10.0.0.5',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.178.1',
    '169.254.10.10',
    '100.64.0.1',
    '100.127.255.1',
    '[::1]',
    '[fd12:3456::1]',
    '[fc00::1]',
    '[fe80::1]',
    '[febf::1]',
    '[::ffff:a00:5]',
    'nas',
    'homeassistant.local',
    'gitlab.corp',
    'wiki.home.arpa',
    'jenkins.internal',
    'printer.lan.',
  ])('%s is on a private network', (host) => expect(isPrivateNetworkHost(host)).toBe(true));

  it.each([
    '',
    '8.8.8.8',
    '172.15.0.1',
    '172.32.0.1',
    '100.128.0.1',
    '192.169.0.1',
    '[2001:db8::1]',
    '[fc::1]',
    '[fec0::1]',
    '[::ffff:808:808]',
    'example.com',
    'gitlab.company.com',
    'local.example.com',
    'corp.example.com',
  ])('%s is not on a private network', (host) => expect(isPrivateNetworkHost(host)).toBe(false));
});
