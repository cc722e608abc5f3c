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

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import com.alibaba.dashscope.aigc.generation.Generation;
import com.alibaba.dashscope.aigc.generation.GenerationResult;
import com.alibaba.dashscope.common.Message;
import com.alibaba.dashscope.protocol.ConnectionConfigurations;
import com.alibaba.dashscope.protocol.Protocol;
import com.alibaba.dashscope.utils.Constants;
import io.github.glmspringai.chat.GlmChatModel;
import io.github.glmspringai.chat.GlmProtocol;
import io.github.glmspringai.chat.GlmReasoning;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * Many concurrent paced streams in this JVM: every token is checked (order, stream tag,
 * reasoning/answer) and its delay from the server's send time recorded; peak threads,
 * heap after GC and CPU are measured. Meant to run in a JVM of its own
 * ({@link ConcurrencyMain}) with {@code -Xmx512m}.
 *
 * @author glm-spring-ai
 */
final class ConcurrencyRun {

	/** Client ids. */
	static final String GLM_COMPATIBLE = "glm-compatible";

	static final String GLM_NATIVE = "glm-native";

	static final String DASHSCOPE_SDK = "dashscope-sdk";

	static final String FLOOR_COMPATIBLE = "floor-compatible";

	static final String FLOOR_NATIVE = "floor-native";

	private ConcurrencyRun() {
	}

	/**
	 * The figures of one run.
	 *
	 * @param client client id
	 * @param streams streams started
	 * @param tokensPerStream paced tokens per stream
	 * @param intervalMillis pacing interval
	 * @param correct streams complete and correct
	 * @param failed streams that failed or were wrong
	 * @param unfinished streams not finished at the deadline
	 * @param firstFailure the first problem seen
	 * @param tokensReceived delay samples (tokens received)
	 * @param p50Millis median delay from server send to client receipt
	 * @param p99Millis 99th percentile delay
	 * @param p999Millis 99.9th percentile delay
	 * @param maxMillis largest delay
	 * @param lateTimeline when the tokens later than 50 ms arrived (seconds since start:
	 * count)
	 * @param peakThreads peak live threads of the JVM (all threads, JVM's own included)
	 * @param threadGroups live threads by name when the count peaked
	 * @param peakConcurrent most streams open at once
	 * @param heapAfterGcMaxMb largest heap used after a collection
	 * @param heapUsedMaxMb largest heap used sampled (garbage included)
	 * @param heapMaxMb the heap limit
	 * @param gcCount collections
	 * @param gcPauseMillis total pause time of stop-the-world collections
	 * @param wallSeconds from the first start to the last completion
	 * @param cpuSeconds process CPU time over the same period
	 * @param machineBusyPercent share of all cores busy over the same period (this JVM,
	 * the server and anything else running)
	 * @param loadAverage the system load average when the measured streams started
	 */
	record Result(String client, int streams, int tokensPerStream, int intervalMillis, int correct, int failed,
			int unfinished, @Nullable String firstFailure, long tokensReceived, double p50Millis, double p99Millis,
			double p999Millis, double maxMillis, String lateTimeline, int peakThreads, String threadGroups,
			int peakConcurrent, double heapAfterGcMaxMb, double heapUsedMaxMb, double heapMaxMb, long gcCount,
			long gcPauseMillis, double wallSeconds, double cpuSeconds, double machineBusyPercent, double loadAverage) {

		boolean allCorrect() {
			return this.correct == this.streams;
		}

	}

	/** Starts one stream and reports its verdict once. */
	@FunctionalInterface
	interface Starter {

		void start(Scenario scenario, PacedCheck check, Completion completion) throws Exception;

	}

	/** The verdict of one stream. */
	@FunctionalInterface
	interface Completion {

		void done(@Nullable String problem);

	}

	/**
	 * Run.
	 * @param client {@link #GLM_COMPATIBLE}, {@link #GLM_NATIVE} or
	 * {@link #DASHSCOPE_SDK}
	 * @param baseUrl the fake server
	 * @param streams how many streams
	 * @param reasoningTokens reasoning tokens per stream
	 * @param answerTokens answer tokens per stream
	 * @param intervalMillis one token every this many milliseconds
	 * @param rampPerSecond streams started per second
	 * @param log progress output
	 * @return the figures
	 * @throws InterruptedException when interrupted
	 */
	static Result run(String client, String baseUrl, int streams, int reasoningTokens, int answerTokens,
			int intervalMillis, int rampPerSecond, PrintStream log) throws InterruptedException {
		AtomicInteger active = new AtomicInteger();
		AtomicInteger peakActive = new AtomicInteger();
		AtomicInteger correct = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		AtomicReference<@Nullable String> firstFailure = new AtomicReference<>();
		CountDownLatch finished = new CountDownLatch(streams);
		AtomicLong lastCompletion = new AtomicLong();
		AutoCloseable resources;
		Starter starter;
		switch (client) {
			case GLM_COMPATIBLE, GLM_NATIVE -> {
				GlmChatModel model = GlmContender.chatModel(
						client.equals(GLM_COMPATIBLE) ? GlmProtocol.OPENAI_COMPATIBLE : GlmProtocol.DASHSCOPE, baseUrl,
						streams + 64);
				resources = model.getApi();
				starter = glm(model);
			}
			case DASHSCOPE_SDK -> {
				// without this the SDK runs at most 32 streams at a time and queues the
				// rest
				Constants.connectionConfigurations = ConnectionConfigurations.builder()
					.maximumAsyncRequests(streams)
					.maximumAsyncRequestsPerHost(streams)
					.connectionPoolSize(streams)
					.connectTimeout(Duration.ofSeconds(60))
					.readTimeout(Duration.ofSeconds(120))
					.writeTimeout(Duration.ofSeconds(60))
					.build();
				resources = () -> {
				};
				starter = dashScope(new Generation(Protocol.HTTP.getValue(), baseUrl + "/api/v1"));
			}
			case FLOOR_COMPATIBLE, FLOOR_NATIVE -> {
				ExecutorService executor = Executors.newFixedThreadPool(4, (runnable) -> {
					Thread thread = new Thread(runnable, "floor-http");
					thread.setDaemon(true);
					return thread;
				});
				HttpClient http = HttpClient.newBuilder()
					.version(HttpClient.Version.HTTP_1_1)
					.executor(executor)
					.connectTimeout(Duration.ofSeconds(60))
					.build();
				resources = executor::shutdown;
				starter = floor(new FloorContender(
						client.equals(FLOOR_COMPATIBLE) ? GlmProtocol.OPENAI_COMPATIBLE : GlmProtocol.DASHSCOPE,
						baseUrl, http));
			}
			default -> throw new IllegalArgumentException("unknown client '" + client + "'; use " + GLM_COMPATIBLE
					+ ", " + GLM_NATIVE + ", " + DASHSCOPE_SDK + ", " + FLOOR_COMPATIBLE + " or " + FLOOR_NATIVE);
		}
		warmUp(starter, streams, rampPerSecond, reasoningTokens, answerTokens, log);

		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		Sampler sampler = new Sampler(memory);
		try (HeapWatcher heap = new HeapWatcher()) {
			DelayHistogram delays = new DelayHistogram();
			Jvm.threads().resetPeakThreadCount();
			sampler.start();
			long cpuStart = Jvm.cpuNanos();
			long[] machineStart = Jvm.machineTicks();
			double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
			long start = System.nanoTime();
			for (int i = 0; i < streams; i++) {
				long due = start + (long) (i * 1e9 / rampPerSecond);
				long wait = due - System.nanoTime();
				if (wait > 0) {
					LockSupport.parkNanos(wait);
				}
				Scenario scenario = Scenario.paced(reasoningTokens, answerTokens, intervalMillis, i);
				PacedCheck check = new PacedCheck(scenario, delays);
				AtomicBoolean once = new AtomicBoolean();
				Completion completion = (problem) -> {
					if (once.compareAndSet(false, true)) {
						active.decrementAndGet();
						if (problem == null) {
							correct.incrementAndGet();
						}
						else {
							failed.incrementAndGet();
							firstFailure.compareAndSet(null, problem);
						}
						lastCompletion.set(System.nanoTime());
						finished.countDown();
					}
				};
				peakActive.accumulateAndGet(active.incrementAndGet(), Math::max);
				try {
					starter.start(scenario, check, completion);
				}
				catch (Throwable ex) {
					completion.done("stream " + i + " could not start: " + ex);
				}
				if (i > 0 && i % Math.max(1, streams / 10) == 0) {
					log.println("  " + client + ": started " + i + " streams, open " + active.get() + ", correct "
							+ correct.get() + ", failed " + failed.get());
				}
			}
			long deadlineSeconds = (long) Math.ceil(streams / (double) rampPerSecond)
					+ (long) (reasoningTokens + answerTokens) * intervalMillis / 1000 + 120;
			boolean all = finished.await(deadlineSeconds, TimeUnit.SECONDS);
			long end = all ? lastCompletion.get() : System.nanoTime();
			long cpu = Jvm.cpuNanos() - cpuStart;
			double busy = Jvm.machineBusyPercent(machineStart, Jvm.machineTicks());
			sampler.stop();
			int unfinished = (int) finished.getCount();
			if (!all) {
				firstFailure.compareAndSet(null, unfinished + " streams unfinished after " + deadlineSeconds + " s");
			}
			double mb = 1024.0 * 1024.0;
			Result result = new Result(client, streams, reasoningTokens + answerTokens, intervalMillis, correct.get(),
					failed.get(), unfinished, firstFailure.get(), delays.count(),
					orMinus(delays.percentileMillis(0.50)), orMinus(delays.percentileMillis(0.99)),
					orMinus(delays.percentileMillis(0.999)), orMinus(delays.maxMillis()), delays.lateTimeline(),
					Jvm.threads().getPeakThreadCount(), sampler.groupsAtPeak(), peakActive.get(),
					heap.maxAfterGcBytes() / mb, sampler.maxHeapUsed() / mb, memory.getHeapMemoryUsage().getMax() / mb,
					heap.collections(), heap.pauseMillis(), (end - start) / 1e9, cpu / 1e9, busy, load);
			try {
				resources.close();
			}
			catch (Exception ex) {
				// ignore
			}
			return result;
		}
	}

	private static double orMinus(double value) {
		return Double.isNaN(value) ? -1 : value;
	}

	/**
	 * Warm the client up, so that JIT compilation and connection set-up are not in the
	 * figures: first as many streams as the measured run, opened at the same rate, with
	 * five 20 ms chunks each (this leaves that many keep-alive connections in the pool,
	 * as in a warm gateway); then 200 streams of the full length at 1 ms per chunk.
	 */
	private static void warmUp(Starter starter, int streams, int rampPerSecond, int reasoningTokens, int answerTokens,
			PrintStream log) throws InterruptedException {
		log.println("  warm-up: " + streams + " short streams, then " + Math.min(streams, 200) + " fast ones");
		burst(starter, streams, rampPerSecond, Math.min(reasoningTokens, 2), Math.max(1, Math.min(answerTokens, 3)), 20,
				log);
		burst(starter, Math.min(streams, 200), Integer.MAX_VALUE, reasoningTokens, answerTokens, 1, log);
	}

	private static void burst(Starter starter, int streams, int rampPerSecond, int reasoningTokens, int answerTokens,
			int intervalMillis, PrintStream log) throws InterruptedException {
		CountDownLatch latch = new CountDownLatch(streams);
		AtomicReference<@Nullable String> problem = new AtomicReference<>();
		DelayHistogram delays = new DelayHistogram();
		long start = System.nanoTime();
		for (int i = 0; i < streams; i++) {
			long wait = start + (long) (i * 1e9 / rampPerSecond) - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			Scenario scenario = Scenario.paced(reasoningTokens, answerTokens, intervalMillis, 1_000_000_000L + i);
			AtomicBoolean once = new AtomicBoolean();
			Completion completion = (verdict) -> {
				if (once.compareAndSet(false, true)) {
					if (verdict != null) {
						problem.compareAndSet(null, verdict);
					}
					latch.countDown();
				}
			};
			try {
				starter.start(scenario, new PacedCheck(scenario, delays), completion);
			}
			catch (Exception ex) {
				completion.done("could not start: " + ex);
			}
		}
		if (!latch.await(120 + streams / Math.min(rampPerSecond, 1_000_000), TimeUnit.SECONDS)) {
			log.println("  warm-up: " + latch.getCount() + " streams did not finish in time");
		}
		if (problem.get() != null) {
			log.println("  warm-up problem: " + problem.get());
		}
	}

	private static Starter glm(GlmChatModel model) {
		return (scenario, check, completion) -> model.stream(new Prompt(scenario.prompt())).subscribe((response) -> {
			long now = Tokens.nowMicros();
			if (response.getResult() == null) {
				return;
			}
			AssistantMessage message = response.getResult().getOutput();
			Map<String, Object> metadata = message.getMetadata();
			check.accept((metadata.get(GlmReasoning.REASONING_DELTA) instanceof String delta) ? delta : null, true,
					now);
			check.accept(message.getText(), false, now);
			if (metadata.get(GlmReasoning.REASONING_CONTENT) instanceof String complete) {
				check.reasoningContent(complete.length());
				Usage usage = usage(response);
				check.completionTokens(
						(usage != null && usage.getCompletionTokens() != null) ? usage.getCompletionTokens() : -1);
			}
		}, (error) -> {
			check.fail("error " + error);
			completion.done(check.verdict());
		}, () -> completion.done(check.verdict()));
	}

	private static @Nullable Usage usage(ChatResponse response) {
		return response.getMetadata().getUsage();
	}

	private static Starter dashScope(Generation generation) {
		return (scenario, check, completion) -> generation.streamCall(DashScopeSdkContender.param(scenario))
			.subscribe((result) -> {
				long now = Tokens.nowMicros();
				Message message = DashScopeSdkContender.message(result);
				if (message != null) {
					check.accept(message.getReasoningContent(), true, now);
					check.accept(message.getContent(), false, now);
				}
				if (isStop(result)) {
					check.completionTokens((result.getUsage() != null && result.getUsage().getOutputTokens() != null)
							? result.getUsage().getOutputTokens() : -1);
				}
			}, (error) -> {
				check.fail("error " + error);
				completion.done(check.verdict());
			}, () -> completion.done(check.verdict()));
	}

	/**
	 * The floor, asynchronously: the JDK {@link HttpClient} delivering lines to a
	 * subscriber on a 4-thread executor, one Jackson {@code readTree} per {@code data:}
	 * line.
	 */
	private static Starter floor(FloorContender floor) {
		return (scenario, check, completion) -> floor.client()
			.sendAsync(floor.request(scenario), HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<>() {

				@Override
				public void onSubscribe(Flow.Subscription subscription) {
					subscription.request(Long.MAX_VALUE);
				}

				@Override
				public void onNext(String line) {
					long now = Tokens.nowMicros();
					JsonNode node = floor.parse(line);
					if (node == null) {
						return;
					}
					JsonNode delta = floor.delta(node);
					check.accept(FloorContender.text(delta.path("reasoning_content")), true, now);
					check.accept(FloorContender.text(delta.path("content")), false, now);
					JsonNode usage = node.path("usage");
					if (usage.has("completion_tokens")) {
						check.completionTokens(usage.path("completion_tokens").asLong());
					}
					else if ("stop"
						.equals(node.path("output").path("choices").path(0).path("finish_reason").asString(""))) {
						check.completionTokens(usage.path("output_tokens").asLong());
					}
				}

				@Override
				public void onError(Throwable error) {
					check.fail("error " + error);
					completion.done(check.verdict());
				}

				@Override
				public void onComplete() {
					completion.done(check.verdict());
				}

			}))
			.whenComplete((response, error) -> {
				if (error != null) {
					check.fail("error " + error);
					completion.done(check.verdict());
				}
			});
	}

	private static boolean isStop(GenerationResult result) {
		return result.getOutput() != null && result.getOutput().getChoices() != null
				&& !result.getOutput().getChoices().isEmpty()
				&& "stop".equals(result.getOutput().getChoices().get(0).getFinishReason());
	}

	/**
	 * Samples live threads and heap use every 200 ms.
	 */
	private static final class Sampler implements Runnable {

		private final MemoryMXBean memory;

		private final Thread thread = new Thread(this, "bench-sampler");

		private volatile boolean running = true;

		private volatile int maxThreads;

		private volatile String groupsAtPeak = "";

		private volatile long maxHeapUsed;

		Sampler(MemoryMXBean memory) {
			this.memory = memory;
			this.thread.setDaemon(true);
		}

		void start() {
			this.thread.start();
		}

		void stop() throws InterruptedException {
			this.running = false;
			this.thread.join(2000);
		}

		@Override
		public void run() {
			while (this.running) {
				int live = Jvm.threads().getThreadCount();
				if (live > this.maxThreads) {
					this.maxThreads = live;
					this.groupsAtPeak = groups();
				}
				this.maxHeapUsed = Math.max(this.maxHeapUsed, this.memory.getHeapMemoryUsage().getUsed());
				LockSupport.parkNanos(200_000_000L);
			}
		}

		private static String groups() {
			Map<String, Integer> counts = new TreeMap<>();
			for (ThreadInfo info : Jvm.threads().getThreadInfo(Jvm.threads().getAllThreadIds())) {
				if (info != null) {
					String name = info.getThreadName().replaceAll("\\d+", "#");
					if (name.startsWith("OkHttp ")) {
						name = "OkHttp <call>";
					}
					counts.merge(name, 1, Integer::sum);
				}
			}
			int total = counts.values().stream().mapToInt(Integer::intValue).sum();
			return total + " = "
					+ counts.entrySet()
						.stream()
						.sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
						.map((e) -> e.getKey() + " x" + e.getValue())
						.collect(Collectors.joining(", "));
		}

		String groupsAtPeak() {
			return this.groupsAtPeak;
		}

		long maxHeapUsed() {
			return this.maxHeapUsed;
		}

	}

}
