import { mergeExpositions, parseSamples } from './prometheus-text.js';

const ledger = `# HELP omnistock_requests_total NATS requests handled.
# TYPE omnistock_requests_total counter
omnistock_requests_total{subject="a",outcome="ok",service="ledger",instance="r1"} 3
# HELP omnistock_request_duration_seconds Time.
# TYPE omnistock_request_duration_seconds histogram
omnistock_request_duration_seconds_bucket{le="0.1",subject="a",service="ledger",instance="r1"} 3
omnistock_request_duration_seconds_bucket{le="+Inf",subject="a",service="ledger",instance="r1"} 3
omnistock_request_duration_seconds_sum{subject="a",service="ledger",instance="r1"} 0.01
omnistock_request_duration_seconds_count{subject="a",service="ledger",instance="r1"} 3
`;
const routing = `# HELP omnistock_requests_total NATS requests handled.
# TYPE omnistock_requests_total counter
omnistock_requests_total{subject="b",outcome="ok"} 5
# HELP omnistock_up Up.
# TYPE omnistock_up gauge
omnistock_up 1
`;

describe('prometheus text', () => {
  const merged = mergeExpositions([
    { service: 'ledger', text: ledger },
    { service: 'routing', text: routing },
  ]);

  it('declares each family once, with the samples of every service under it', () => {
    expect(merged.match(/# TYPE omnistock_requests_total counter/g)).toHaveLength(1);
    const lines = merged.split('\n');
    const start = lines.indexOf('# TYPE omnistock_requests_total counter');
    expect(lines.slice(start + 1, start + 3)).toEqual([
      'omnistock_requests_total{subject="a",outcome="ok",service="ledger",instance="r1"} 3',
      'omnistock_requests_total{service="routing",subject="b",outcome="ok"} 5',
    ]);
  });

  it('keeps histogram samples with their family and labels unlabelled samples by service', () => {
    const lines = merged.split('\n');
    const start = lines.indexOf('# TYPE omnistock_request_duration_seconds histogram');
    expect(lines[start + 4]).toMatch(/^omnistock_request_duration_seconds_count/);
    expect(merged).toContain('omnistock_up{service="routing"} 1');
  });

  it('reads samples back with their labels', () => {
    const samples = parseSamples(merged);
    expect(samples).toContainEqual({
      name: 'omnistock_up',
      labels: { service: 'routing' },
      value: 1,
    });
    expect(
      samples.filter((s) => s.name === 'omnistock_requests_total').map((s) => s.labels.service),
    ).toEqual(['ledger', 'routing']);
  });
});
