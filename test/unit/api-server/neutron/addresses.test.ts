// IP arithmetic, table-driven: strict parsing, canonical formatting, CIDRs and their ranges.
import assert from 'node:assert/strict';
import { contains, formatAddress, formatCidr, overlaps, parseAddress, parseCidr, usableRange } from '../../../../api-server/src/services/neutron/ipam/addresses.js';

describe('IP addresses', () => {
  const roundTrips: [string, string][] = [
    ['10.0.0.1', '10.0.0.1'],
    ['255.255.255.255', '255.255.255.255'],
    ['2001:db8::1', '2001:db8::1'],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['::', '::'],
    ['::1', '::1'],
    ['fe80:0:0:1:0:0:0:1', 'fe80:0:0:1::1'],
    ['1:0:0:2:0:0:3:4', '1::2:0:0:3:4'],
    ['::ffff:10.0.0.1', '::ffff:a00:1'],
  ];
  for (const [text, canonical] of roundTrips) {
    it(`When ${text} is parsed and formatted, then it reads ${canonical}`, () => {
      const a = parseAddress(text);
      assert.ok(a);
      assert.equal(formatAddress(a), canonical);
    });
  }

  for (const bad of ['10.0.0', '10.0.0.256', '010.0.0.1', '1.2.3.4.5', 'fe80::1%eth0', '2001:db8:::1', 'x', '']) {
    it(`When "${bad}" is parsed, then it is not an address`, () => assert.equal(parseAddress(bad), undefined));
  }

  it('When CIDRs are parsed, then host bits are reported, and ranges, containment and overlap follow', () => {
    const net = parseCidr('10.0.0.0/24')!;
    assert.equal(net.hostBitsSet, false);
    assert.equal(parseCidr('10.0.0.1/24')!.hostBitsSet, true);
    assert.equal(formatCidr(parseCidr('10.0.0.1/24')!.cidr), '10.0.0.0/24');
    assert.equal(parseCidr('10.0.0.0/33'), undefined);
    const r = usableRange(net.cidr);
    assert.deepEqual([formatAddress({ version: 4, value: r.first }), formatAddress({ version: 4, value: r.last })], ['10.0.0.1', '10.0.0.254']);
    assert.ok(contains(net.cidr, parseAddress('10.0.0.200')!));
    assert.equal(contains(net.cidr, parseAddress('10.0.1.0')!), false);
    assert.ok(overlaps(net.cidr, parseCidr('10.0.0.128/25')!.cidr));
    assert.equal(overlaps(net.cidr, parseCidr('10.0.1.0/24')!.cidr), false);
    assert.equal(overlaps(net.cidr, parseCidr('2001:db8::/64')!.cidr), false, 'versions never overlap');
    const v6 = usableRange(parseCidr('2001:db8::/64')!.cidr);
    assert.equal(formatAddress({ version: 6, value: v6.first }), '2001:db8::1');
    assert.equal(formatAddress({ version: 6, value: v6.last }), '2001:db8::ffff:ffff:ffff:ffff');
  });
});
