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

import io.github.glmspringai.samples.support.PlainErrors;
import io.github.glmspringai.samples.support.CityClock;
import io.github.glmspringai.samples.support.SampleSetup;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.github.glmspringai.chat.GlmChatOptions;
import io.github.glmspringai.chat.GlmReasoning;
import io.github.glmspringai.chat.GlmUsage;
import io.github.glmspringai.samples.console.GlmChatConsoleApplication.ConsoleOutput;
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
			this.err.println(SampleSetup.missingKeyHelp("samples/glm-chat-console"));
			this.exitCode = 2;
			return;
		}
		String question = args.getNonOptionArgs().isEmpty() ? DEFAULT_QUESTION
				: String.join(" ", args.getNonOptionArgs());
		boolean thinking = !args.containsOption("no-thinking");
		List<String> models = args.getOptionValues("model");
		String model = (models != null && !models.isEmpty()) ? models.get(0)
				: this.environment.getProperty("spring.ai.glm.chat.model", "glm-4.6");

		if (this.setup.mode() == SampleSetup.Mode.OFFLINE) {
			this.out.println("[offline simulation] scripted GLM streams from a fake server inside this sample ("
					+ this.setup.offlineServerUrl() + "): no network, no API key.");
		}
		this.out.println("model " + model + " · protocol " + this.environment.getProperty("spring.ai.glm.protocol")
				+ " · thinking " + (thinking ? "on" : "off") + " · question: " + question);

		ChatClient chatClient = this.chatClientBuilder.getObject().defaultTools(new CityClock()).build();
		CityClock.Listener toolListener = (tool, argument, result) -> this.out.print(System.lineSeparator()
				+ "[tool call] " + tool + "(" + argument + ") -> " + result + System.lineSeparator());
		Printer printer = new Printer(thinking);
		this.out.println(System.lineSeparator() + THINKING + System.lineSeparator());
		if (!thinking) {
			this.out.println("(thinking switched off with --no-thinking)");
		}
		try {
			chatClient.prompt()
				.user(question)
				.options(GlmChatOptions.builder().model(model).enableThinking(thinking))
				.toolContext(Map.of(CityClock.LISTENER, toolListener))
				.stream()
				.chatResponse()
				.doOnNext(printer::print)
				.blockLast();
		}
		catch (RuntimeException ex) {
			this.out.println();
			this.err.println(System.lineSeparator() + PlainErrors.describe(ex));
			this.exitCode = 1;
			return;
		}
		printer.finish();
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

	/** Prints the chunks of one stream. */
	private final class Printer {

		private final AtomicBoolean answering = new AtomicBoolean();

		private final AtomicReference<@Nullable Usage> usage = new AtomicReference<>();

		private final boolean thinking;

		Printer(boolean thinking) {
			this.thinking = thinking;
		}

		void print(ChatResponse response) {
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

		private void startAnswer() {
			if (this.answering.compareAndSet(false, true)) {
				ChatConsole.this.out
					.println(System.lineSeparator() + System.lineSeparator() + ANSWER + System.lineSeparator());
			}
		}

		void finish() {
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
				reasoningTokens = this.thinking ? "n/a (not reported after a tool call)" : "0";
			}
			out.println(
					"prompt_tokens=" + total.getPromptTokens() + ", completion_tokens=" + total.getCompletionTokens()
							+ ", reasoning_tokens=" + reasoningTokens + ", total_tokens=" + total.getTotalTokens());
		}

	}

}
