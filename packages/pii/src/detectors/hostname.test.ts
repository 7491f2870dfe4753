import { findValues } from '../testing';
import { createHostnameDetector } from './hostname';

describe('hostname detector', () => {
  const detector = createHostnameDetector();

  test.each([
    [
      'finds a dashed address when it names an EC2 host',
      'node ip-10-0-1-23.ec2.internal ready',
      ['ip-10-0-1-23.ec2.internal'],
    ],
    [
      'finds a dashed address when it leads a provider name',
      'from 220-135-151-1.hinet-ip.hinet.net',
      ['220-135-151-1.hinet-ip.hinet.net'],
    ],
    [
      'finds a dashed address when the host has no domain',
      'calvisitor-10-105-160-95 kernel: x',
      ['calvisitor-10-105-160-95'],
    ],
    [
      'finds a dotted address when domain labels follow it',
      '(62.99.164.82.sh.interxion.inode.at)',
      ['62.99.164.82.sh.interxion.inode.at'],
    ],
    [
      'finds zero-padded dashed octets when an ISP names the host',
      'rhost=dsl-082-083-227-067.dsl.example.net',
      ['dsl-082-083-227-067.dsl.example.net'],
    ],
    [
      'finds a host named by its address when it follows @',
      'ssh ops@host-198-51-100-7.isp.example.net; node ns_1@ec2-54-1-2-3.compute-1.amazonaws.com',
      ['host-198-51-100-7.isp.example.net', 'ec2-54-1-2-3.compute-1.amazonaws.com'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
  });

  test.each([
    ['ignores a bare address when no name surrounds it', 'from 10.0.0.1 and 10-0-0-1'],
    ['ignores a file name when a version looks like an address', 'deploy app-1.2.3.4.jar and lib-2.1.0.6.tar.gz'],
    [
      'ignores a versioned file when its extension is one no list holds',
      'flash ecu_brk_v4.2.7.19.hex, image infotainment-25.1.0.3.swu and fw_8.4.1.2.ota',
    ],
  ])('%s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});
