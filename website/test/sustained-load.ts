import autocannon from 'autocannon';
import { processTreeMemoryMb, steadyGrowth } from '../../bench/process-memory';

/**
 * License refreshes at a steady rate for a while (issue 12), with the server's memory (PSS of
 * `next start` and its workers) sampled along the way. Growth is the last samples against those
 * after the warm-up, medians of three, so one garbage collection does not decide it.
 * Each request comes from its own address, as behind one proxy, so rate limits run but do not
 * refuse. Used by the load test (short) and the load benchmark (60 s and more).
 */
export interface LoadOutcome {
  seconds: number;
  rate: number;
  requests: number;
  /** Answers per second, on average over the run. */
  throughput: number;
  non2xx: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  memorySamplesMb: number[];
  memoryGrowthMb: number;
}

export async function sustainedRefreshLoad(options: {
  origin: string;
  serverPid: number;
  devices: readonly { deviceSecret: string; deviceFingerprintHash: string }[];
  rate: number;
  seconds: number;
  sampleEverySeconds: number;
  /** Connections kept open by the load generator, default 10. */
  connections?: number;
}): Promise<LoadOutcome> {
  const samples: number[] = [];
  const sampler = setInterval(
    () => samples.push(Math.round(processTreeMemoryMb(options.serverPid))),
    options.sampleEverySeconds * 1000,
  );
  let sent = 0;
  try {
    const run = await autocannon({
      url: `${options.origin}/api/v1/licenses/refresh`,
      method: 'POST',
      connections: options.connections ?? 10,
      overallRate: options.rate,
      duration: options.seconds,
      requests: [
        {
          setupRequest: (request) => {
            const index = (sent += 1);
            return {
              ...request,
              headers: {
                'content-type': 'application/json',
                'x-forwarded-for': `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`,
              },
              body: JSON.stringify(options.devices[index % options.devices.length]),
            };
          },
        },
      ],
    });
    return {
      seconds: options.seconds,
      rate: options.rate,
      requests: run.requests.total,
      throughput: Math.round(run.requests.average),
      non2xx: run.non2xx,
      errors: run.errors + run.timeouts,
      p50Ms: run.latency.p50,
      p99Ms: run.latency.p99,
      maxMs: run.latency.max,
      memorySamplesMb: samples,
      memoryGrowthMb: steadyGrowth(samples),
    };
  } finally {
    clearInterval(sampler);
  }
}
