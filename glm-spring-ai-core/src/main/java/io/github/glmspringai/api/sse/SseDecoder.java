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

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * The one Server-Sent Events decoder shared by every protocol. It works on bytes, so
 * events and multi-byte UTF-8 characters split across network reads are reassembled
 * before anything is decoded. It accepts a UTF-8 byte order mark at the start, LF, CRLF
 * and CR line endings, comment lines, {@code event:} and {@code data:} fields with or
 * without a space after the colon, and ignores unknown fields.
 *
 * @author glm-spring-ai
 */
public final class SseDecoder {

	/** Largest event accepted; larger ones fail the stream rather than exhaust memory. */
	public static final int MAX_EVENT_BYTES = 16 * 1024 * 1024;

	private byte[] line = new byte[128];

	private int lineLength;

	private byte[] data = new byte[128];

	private int dataLength;

	private boolean hasData;

	private @Nullable String event;

	private @Nullable String comment;

	private boolean skipLf;

	private static final int MAX_SCRATCH = 64 * 1024;

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	/** How many bytes of a leading byte order mark were seen; -1 once past the start. */
	private int bomMatched;

	private byte[] scratch = new byte[0];

	/**
	 * Decode a body into events. Each subscription gets its own decoder state.
	 * @param body the response body
	 * @return the events
	 */
	public static Flux<SseEvent> decode(Flux<DataBuffer> body) {
		return Flux.defer(() -> {
			SseDecoder decoder = new SseDecoder();
			return body.concatMapIterable(decoder::feed).concatWith(Mono.fromSupplier(decoder::finish));
		});
	}

	/**
	 * Feed one network read. The buffer is released.
	 * @param buffer the bytes read
	 * @return the events completed by these bytes
	 */
	List<SseEvent> feed(DataBuffer buffer) {
		try {
			List<SseEvent> events = null;
			try (DataBuffer.ByteBufferIterator parts = buffer.readableByteBuffers()) {
				while (parts.hasNext()) {
					List<SseEvent> completed = feed(parts.next());
					if (!completed.isEmpty()) {
						if (events == null) {
							events = completed;
						}
						else {
							events = new ArrayList<>(events);
							events.addAll(completed);
						}
					}
				}
			}
			return (events != null) ? events : List.of();
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private List<SseEvent> feed(ByteBuffer bytes) {
		int length = bytes.remaining();
		if (bytes.hasArray()) {
			return feed(bytes.array(), bytes.arrayOffset() + bytes.position(), length);
		}
		// Direct (pooled network) memory: copy into a scratch array sized to the reads
		// seen,
		// so thousands of idle streams do not each hold a large buffer.
		if (this.scratch.length < length) {
			this.scratch = new byte[Math.max(length, Math.min(2 * this.scratch.length, MAX_SCRATCH))];
		}
		bytes.get(this.scratch, 0, length);
		return feed(this.scratch, 0, length);
	}

	/**
	 * Feed bytes.
	 * @param bytes the bytes
	 * @param offset where to start
	 * @param length how many
	 * @return the events completed by these bytes
	 */
	List<SseEvent> feed(byte[] bytes, int offset, int length) {
		int end = offset + length;
		if (this.bomMatched >= 0) {
			int i = offset;
			while (i < end && this.bomMatched < BOM.length && bytes[i] == BOM[this.bomMatched]) {
				this.bomMatched++;
				i++;
			}
			if (i == end && this.bomMatched < BOM.length) {
				return List.of();
			}
			if (this.bomMatched < BOM.length) {
				// not a byte order mark after all: its first bytes belong to the line
				appendLine(BOM, 0, this.bomMatched);
			}
			this.bomMatched = -1;
			offset = i;
		}
		List<SseEvent> events = null;
		int start = offset;
		for (int i = offset; i < end; i++) {
			byte b = bytes[i];
			if (b != '\n' && b != '\r') {
				continue;
			}
			if (this.skipLf && b == '\n' && i == start && this.lineLength == 0) {
				this.skipLf = false;
				start = i + 1;
				continue;
			}
			appendLine(bytes, start, i - start);
			this.skipLf = (b == '\r');
			SseEvent completed = processLine();
			if (completed != null) {
				if (events == null) {
					events = new ArrayList<>(4);
				}
				events.add(completed);
			}
			start = i + 1;
		}
		if (start < end) {
			if (this.skipLf && bytes[start] == '\n' && this.lineLength == 0) {
				start++;
			}
			this.skipLf = false;
			appendLine(bytes, start, end - start);
		}
		return (events != null) ? events : List.of();
	}

	/**
	 * Signal the end of the body: a last line without terminator is processed and a
	 * pending event is dispatched.
	 * @return the last event, or {@code null}
	 */
	@Nullable SseEvent finish() {
		if (this.bomMatched > 0 && this.bomMatched < BOM.length) {
			appendLine(BOM, 0, this.bomMatched);
		}
		SseEvent last = null;
		if (this.lineLength > 0) {
			last = processLine();
		}
		if (last == null && this.hasData) {
			last = dispatch();
		}
		return last;
	}

	private void appendLine(byte[] bytes, int offset, int length) {
		if (length == 0) {
			return;
		}
		int needed = this.lineLength + length;
		if (needed > MAX_EVENT_BYTES) {
			throw new SseEventTooLargeException("SSE line exceeds " + MAX_EVENT_BYTES + " bytes");
		}
		if (needed > this.line.length) {
			this.line = Arrays.copyOf(this.line, Math.max(needed, this.line.length * 2));
		}
		System.arraycopy(bytes, offset, this.line, this.lineLength, length);
		this.lineLength = needed;
	}

	private @Nullable SseEvent processLine() {
		int length = this.lineLength;
		this.lineLength = 0;
		if (length == 0) {
			return this.hasData ? dispatch() : reset();
		}
		byte[] l = this.line;
		if (l[0] == ':') {
			this.comment = new String(l, 1, length - 1, StandardCharsets.UTF_8).strip();
			return null;
		}
		int colon = indexOf(l, length, (byte) ':');
		int nameEnd = (colon < 0) ? length : colon;
		int valueStart = (colon < 0) ? length : colon + 1;
		if (valueStart < length && l[valueStart] == ' ') {
			valueStart++;
		}
		if (nameEquals(l, nameEnd, "data")) {
			appendData(l, valueStart, length - valueStart);
		}
		else if (nameEquals(l, nameEnd, "event")) {
			this.event = eventName(l, valueStart, length - valueStart);
		}
		return null;
	}

	private void appendData(byte[] bytes, int offset, int length) {
		int needed = this.dataLength + length + (this.hasData ? 1 : 0);
		if (needed > MAX_EVENT_BYTES) {
			throw new SseEventTooLargeException("SSE event exceeds " + MAX_EVENT_BYTES + " bytes");
		}
		if (needed > this.data.length) {
			this.data = Arrays.copyOf(this.data, Math.max(needed, this.data.length * 2));
		}
		if (this.hasData) {
			this.data[this.dataLength++] = '\n';
		}
		System.arraycopy(bytes, offset, this.data, this.dataLength, length);
		this.dataLength += length;
		this.hasData = true;
	}

	private SseEvent dispatch() {
		SseEvent sse = new SseEvent(this.event, Arrays.copyOf(this.data, this.dataLength), this.comment);
		reset();
		return sse;
	}

	private @Nullable SseEvent reset() {
		this.dataLength = 0;
		this.hasData = false;
		this.event = null;
		this.comment = null;
		return null;
	}

	private static String eventName(byte[] bytes, int offset, int length) {
		if (regionEquals(bytes, offset, length, "result")) {
			return "result";
		}
		if (regionEquals(bytes, offset, length, "error")) {
			return "error";
		}
		return new String(bytes, offset, length, StandardCharsets.UTF_8).strip();
	}

	private static int indexOf(byte[] bytes, int length, byte target) {
		for (int i = 0; i < length; i++) {
			if (bytes[i] == target) {
				return i;
			}
		}
		return -1;
	}

	private static boolean nameEquals(byte[] bytes, int length, String name) {
		return regionEquals(bytes, 0, length, name);
	}

	private static boolean regionEquals(byte[] bytes, int offset, int length, String text) {
		if (length != text.length()) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			if (bytes[offset + i] != text.charAt(i)) {
				return false;
			}
		}
		return true;
	}

}
