/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.glmspringai.benchmarks;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A lock-free histogram of delays with 100 µs buckets up to 60 s (longer delays fall in
 * the last bucket).
 *
 * @author glm-spring-ai
 */
final class DelayHistogram {

	private static final int BUCKET_MICROS = 100;

	private static final int BUCKETS = 600_000;

	private static final int SECONDS = 3600;

	private static final long LATE_MICROS = 50_000;

	private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

	private final AtomicLongArray lateBySecond = new AtomicLongArray(SECONDS);

	private final long startNanos = System.nanoTime();

	/**
	 * Record one delay.
	 * @param micros the delay in microseconds (negative values count as 0)
	 */
	void record(long micros) {
		int bucket = (int) Math.min(BUCKETS - 1, Math.max(0, micros) / BUCKET_MICROS);
		this.counts.incrementAndGet(bucket);
		if (micros > LATE_MICROS) {
			long second = (System.nanoTime() - this.startNanos) / 1_000_000_000L;
			this.lateBySecond.incrementAndGet((int) Math.min(SECONDS - 1, second));
		}
	}

	/**
	 * When the samples over 50 ms arrived, as {@code <second since start>s:<count>}.
	 * @return the summary, empty when none
	 */
	String lateTimeline() {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < SECONDS; i++) {
			long late = this.lateBySecond.get(i);
			if (late > 0) {
				sb.append((sb.length() > 0) ? " " : "").append(i).append("s:").append(late);
			}
		}
		return sb.toString();
	}

	long count() {
		long total = 0;
		for (int i = 0; i < BUCKETS; i++) {
			total += this.counts.get(i);
		}
		return total;
	}

	/**
	 * The delay below which a fraction of the samples fall (upper bucket bound).
	 * @param fraction e.g. {@code 0.99}
	 * @return the delay in milliseconds, {@code NaN} without samples
	 */
	double percentileMillis(double fraction) {
		long total = count();
		if (total == 0) {
			return Double.NaN;
		}
		long rank = (long) Math.ceil(fraction * total);
		long seen = 0;
		for (int i = 0; i < BUCKETS; i++) {
			seen += this.counts.get(i);
			if (seen >= rank) {
				return (i + 1) * BUCKET_MICROS / 1000.0;
			}
		}
		return BUCKETS * BUCKET_MICROS / 1000.0;
	}

	/**
	 * The largest recorded delay (upper bucket bound).
	 * @return the delay in milliseconds, {@code NaN} without samples
	 */
	double maxMillis() {
		for (int i = BUCKETS - 1; i >= 0; i--) {
			if (this.counts.get(i) > 0) {
				return (i + 1) * BUCKET_MICROS / 1000.0;
			}
		}
		return Double.NaN;
	}

}
