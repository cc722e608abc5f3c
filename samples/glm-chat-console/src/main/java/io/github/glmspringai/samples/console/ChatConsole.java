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

package io.github.glmspringai.samples.console;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.github.glmspringai.chat.GlmChatOptions;
import io.github.glmspringai.chat.GlmModel;
import io.github.glmspringai.chat.GlmReasoning;
import io.github.glmspringai.chat.GlmUsage;
import io.github.glmspringai.samples.console.GlmChatConsoleApplication.ConsoleOutput;
import io.github.glmspringai.samples.support.CityClock;
import io.github.glmspringai.samples.support.PlainErrors;
import io.github.glmspringai.samples.support.SampleSetup;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Asks one question through {@link ChatClient} and prints, as the product page's quick
 * start does, the thinking as it streams, then the answer, then the token usage.
 *
 * @author glm-spring-ai
 */
@Component
class ChatConsole implements ApplicationRunner, ExitCodeGenerator {

	static final String THINKING = "====================思考过程====================";

	static final String ANSWER = "====================完整回复====================";

	static final String USAGE = "====================Token 消耗====================";

	private static final String DEFAULT_QUESTION = "你是谁";

	private final SampleSetup setup;

	private final ObjectProvider<ChatClient.Builder> chatClientBuilder;

	private final Environment environment;

	private final PrintStream out;

	private final PrintStream err;

	private int exitCode;

	ChatConsole(SampleSetup setup, ObjectProvider<ChatClient.Builder> chatClientBuilder, Environment environment,
			ObjectProvider<ConsoleOutput> output) {
		this.setup = setup;
		this.chatClientBuilder = chatClientBuilder;
		this.environment = environment;
		ConsoleOutput streams = output.getIfAvailable(() -> new ConsoleOutput(System.out, System.err));
		this.out = streams.out();
		this.err = streams.err();
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.setup.mode() == SampleSetup.Mode.NO_KEY) {
			this.err.println(this.setup.missingKeyHelp("samples/glm-chat-console"));
			this.exitCode = 2;
			return;
		}
		String question = args.getNonOptionArgs().isEmpty() ? DEFAULT_QUESTION
				: String.join(" ", args.getNonOptionArgs());
		String model = option(args, "model");
		if (model == null) {
			model = this.environment.getProperty("spring.ai.glm.chat.model", GlmModel.DEFAULT.getId());
		}
		String effort = option(args, "effort");
		String thinkingOption = option(args, "thinking");
		if (thinkingOption != null && !thinkingOption.equals("on") && !thinkingOption.equals("off")) {
			this.err.println("--thinking must be on or off but was '" + thinkingOption + "'");
			this.exitCode = 1;
			return;
		}
		String thinkingOff = "off".equals(thinkingOption) ? "--thinking=off"
				: (thinkingOption == null && args.containsOption("no-thinking")) ? "--no-thinking" : null;
		boolean thinking = thinkingOff == null;

		if (this.setup.mode() == SampleSetup.Mode.OFFLINE) {
			this.out.println("[offline simulation] scripted GLM streams from a fake server inside this sample ("
					+ this.setup.offlineServerUrl() + "): no network, no API key.");
		}
		this.out.println("model " + model + " · protocol " + this.setup.protocol().getValue() + " · thinking "
				+ (thinking ? "on" : "off") + ((effort != null) ? " · effort " + effort : "") + " · question: "
				+ question);

		ChatClient chatClient = this.chatClientBuilder.getObject().defaultTools(new CityClock()).build();
		CityClock.Listener toolListener = (tool, argument, result) -> this.out.print(System.lineSeparator()
				+ "[tool call] " + tool + "(" + argument + ") -> " + result + System.lineSeparator());
		Printer printer = new Printer(thinkingOff);
		try {
			chatClient.prompt()
				.user(question)
				.options(GlmChatOptions.builder().model(model).enableThinking(thinking).reasoningEffort(effort))
				.toolContext(Map.of(CityClock.LISTENER, toolListener))
				.stream()
				.chatResponse()
				.doOnNext(printer::print)
				.blockLast();
		}
		catch (RuntimeException ex) {
			printer.interrupted();
			this.err.println(PlainErrors.describe(ex, this.setup.protocol()));
			this.exitCode = 1;
			return;
		}
		printer.finish();
	}

	private static @Nullable String option(ApplicationArguments args, String name) {
		List<String> values = args.getOptionValues(name);
		return (values != null && !values.isEmpty() && !values.get(0).isBlank()) ? values.get(0).strip() : null;
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

	/**
	 * Prints the chunks of one stream. The thinking section starts with the first chunk,
	 * so a request rejected before sending prints no section.
	 */
	private final class Printer {

		private final AtomicBoolean started = new AtomicBoolean();

		private final AtomicBoolean answering = new AtomicBoolean();

		private final AtomicReference<@Nullable Usage> usage = new AtomicReference<>();

		/** The option that switched thinking off, {@code null} when thinking is on. */
		private final @Nullable String thinkingOff;

		Printer(@Nullable String thinkingOff) {
			this.thinkingOff = thinkingOff;
		}

		void print(ChatResponse response) {
			start();
			String reasoning = GlmReasoning.delta(response);
			if (!reasoning.isEmpty() && !this.answering.get()) {
				ChatConsole.this.out.print(reasoning);
				ChatConsole.this.out.flush();
			}
			String text = (response.getResult() != null) ? response.getResult().getOutput().getText() : null;
			if (text != null && !text.isEmpty()) {
				startAnswer();
				ChatConsole.this.out.print(text);
				ChatConsole.this.out.flush();
			}
			Usage chunkUsage = response.getMetadata().getUsage();
			if (chunkUsage != null && chunkUsage.getTotalTokens() != null && chunkUsage.getTotalTokens() > 0) {
				this.usage.set(chunkUsage);
			}
		}

		private void start() {
			if (this.started.compareAndSet(false, true)) {
				PrintStream out = ChatConsole.this.out;
				out.println(System.lineSeparator() + THINKING + System.lineSeparator());
				if (this.thinkingOff != null) {
					out.println("(thinking switched off with " + this.thinkingOff + ")");
				}
			}
		}

		/** The stream failed: end the line of a section that was started. */
		void interrupted() {
			if (this.started.get()) {
				ChatConsole.this.out.println();
				ChatConsole.this.err.println();
			}
		}

		private void startAnswer() {
			if (this.answering.compareAndSet(false, true)) {
				ChatConsole.this.out
					.println(System.lineSeparator() + System.lineSeparator() + ANSWER + System.lineSeparator());
			}
		}

		void finish() {
			start();
			if (!this.answering.get()) {
				startAnswer();
				ChatConsole.this.out.print("(no answer text)");
			}
			PrintStream out = ChatConsole.this.out;
			out.println(System.lineSeparator() + System.lineSeparator() + USAGE + System.lineSeparator());
			Usage total = this.usage.get();
			if (total == null) {
				out.println("(the service reported no usage)");
				return;
			}
			String reasoningTokens;
			if (total instanceof GlmUsage glm && glm.getReasoningTokens() != null) {
				reasoningTokens = String.valueOf(glm.getReasoningTokens());
			}
			else {
				reasoningTokens = (this.thinkingOff == null) ? "n/a (not reported after a tool call)" : "0";
			}
			out.println(
					"prompt_tokens=" + total.getPromptTokens() + ", completion_tokens=" + total.getCompletionTokens()
							+ ", reasoning_tokens=" + reasoningTokens + ", total_tokens=" + total.getTotalTokens());
		}

	}

}
