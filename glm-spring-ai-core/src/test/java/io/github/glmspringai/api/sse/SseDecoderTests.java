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

package io.github.glmspringai.api.sse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SseDecoderTests {

	private static final String COMPATIBLE = "data: {\"a\":\"我是\"}\n\ndata: {\"b\":\"智谱\"}\n\ndata: [DONE]\n\n";

	private static final String NATIVE = "id:1\nevent:result\n:HTTP_STATUS/200\ndata:{\"c\":\"你好\"}\n\n"
			+ "id:2\nevent:error\n:HTTP_STATUS/400\ndata:{\"code\":\"InvalidParameter\"}\n\n";

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 3, 5, 7, 64, 4096 })
	void compatibleStreamDecodesTheSameWhateverTheReadSize(int readSize) {
		List<SseEvent> events = feedInPieces(COMPATIBLE, readSize);
		assertThat(events).extracting(SseEvent::dataAsString)
			.containsExactly("{\"a\":\"我是\"}", "{\"b\":\"智谱\"}", "[DONE]");
		assertThat(events).extracting(SseEvent::event).containsOnlyNulls();
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 3, 5, 7, 64, 4096 })
	void nativeStreamKeepsEventNamesAndStatusComments(int readSize) {
		List<SseEvent> events = feedInPieces(NATIVE, readSize);
		assertThat(events).hasSize(2);
		assertThat(events.get(0).event()).isEqualTo("result");
		assertThat(events.get(0).comment()).isEqualTo("HTTP_STATUS/200");
		assertThat(events.get(0).dataAsString()).isEqualTo("{\"c\":\"你好\"}");
		assertThat(events.get(1).event()).isEqualTo("error");
		assertThat(events.get(1).comment()).isEqualTo("HTTP_STATUS/400");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\r\n", "\r", "\n" })
	void acceptsEveryLineEnding(String eol) {
		String body = "event: result" + eol + "data: {\"x\":1}" + eol + eol + "data: two" + eol + eol;
		for (int size : new int[] { 1, 2, 100 }) {
			List<SseEvent> events = feedInPieces(body, size);
			assertThat(events).extracting(SseEvent::dataAsString).containsExactly("{\"x\":1}", "two");
			assertThat(events.get(0).event()).isEqualTo("result");
			assertThat(events.get(1).event()).isNull();
		}
	}

	@Test
	void joinsMultiLineDataAndIgnoresUnknownFieldsAndBareComments() {
		List<SseEvent> events = feedInPieces(": keep-alive\n\nretry: 100\nfoo: bar\ndata: a\ndata:b\nid: 7\n\n", 3);
		assertThat(events).singleElement().satisfies((e) -> assertThat(e.dataAsString()).isEqualTo("a\nb"));
	}

	@Test
	void multiByteCharacterSplitAcrossEveryPossibleBoundaryIsReassembled() {
		byte[] bytes = "data: 🙂思考\n\n".getBytes(StandardCharsets.UTF_8);
		for (int split = 1; split < bytes.length; split++) {
			SseDecoder decoder = new SseDecoder();
			List<SseEvent> events = new ArrayList<>(decoder.feed(bytes, 0, split));
			events.addAll(decoder.feed(bytes, split, bytes.length - split));
			assertThat(events).singleElement().satisfies((e) -> assertThat(e.dataAsString()).isEqualTo("🙂思考"));
		}
	}

	@Test
	void lastEventWithoutBlankLineIsDispatchedAtEndOfBody() {
		SseDecoder decoder = new SseDecoder();
		assertThat(decoder.feed(bytes("data: {\"done\":true}"), 0, 19)).isEmpty();
		assertThat(decoder.finish()).isNotNull()
			.satisfies((e) -> assertThat(e.dataAsString()).isEqualTo("{\"done\":true}"));
	}

	@Test
	void decodeReleasesBuffersAndCompletes() {
		DefaultDataBufferFactory factory = DefaultDataBufferFactory.sharedInstance;
		Flux<DataBuffer> body = Flux.just("data: 1\n", "\ndata: 2\n\n").map((s) -> factory.wrap(bytes(s)));
		StepVerifier.create(SseDecoder.decode(body).map(SseEvent::dataAsString)).expectNext("1", "2").verifyComplete();
	}

	@Test
	void oversizedEventFailsInsteadOfGrowingWithoutBound() {
		SseDecoder decoder = new SseDecoder();
		byte[] chunk = new byte[1024 * 1024];
		java.util.Arrays.fill(chunk, (byte) 'x');
		decoder.feed(bytes("data: "), 0, 6);
		assertThatThrownBy(() -> {
			for (int i = 0; i < 20; i++) {
				decoder.feed(chunk, 0, chunk.length);
			}
		}).isInstanceOf(SseEventTooLargeException.class).hasMessageContaining("exceeds");
	}

	private static List<SseEvent> feedInPieces(String body, int size) {
		byte[] bytes = bytes(body);
		SseDecoder decoder = new SseDecoder();
		List<SseEvent> events = new ArrayList<>();
		for (int i = 0; i < bytes.length; i += size) {
			events.addAll(decoder.feed(bytes, i, Math.min(size, bytes.length - i)));
		}
		SseEvent last = decoder.finish();
		if (last != null) {
			events.add(last);
		}
		return events;
	}

	private static byte[] bytes(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

}
