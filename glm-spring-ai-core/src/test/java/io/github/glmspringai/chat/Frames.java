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

package io.github.glmspringai.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * Text surgery on rendered SSE frames, for tests that need a frame the fixtures do not
 * render (several JSON documents in one event, empty data, ...).
 */
final class Frames {

	private Frames() {
	}

	/** The events of a rendered stream, each with its trailing blank line. */
	static List<String> split(String rendered) {
		List<String> frames = new ArrayList<>();
		for (String frame : rendered.split("\n\n")) {
			if (!frame.isBlank()) {
				frames.add(frame + "\n\n");
			}
		}
		return frames;
	}

	/** The data of one frame (its data lines joined). */
	static String data(String frame) {
		StringBuilder data = new StringBuilder();
		for (String line : frame.split("\n")) {
			if (line.startsWith("data:")) {
				data.append((data.length() > 0) ? "\n" : "").append(line.substring(line.startsWith("data: ") ? 6 : 5));
			}
		}
		return data.toString();
	}

	/** The frame with its data replaced (other fields kept). */
	static String withData(String frame, String data) {
		StringBuilder out = new StringBuilder();
		for (String line : frame.split("\n")) {
			if (!line.isEmpty() && !line.startsWith("data:")) {
				out.append(line).append('\n');
			}
		}
		for (String line : data.split("\n", -1)) {
			out.append("data:").append(line.isEmpty() ? "" : " " + line).append('\n');
		}
		return out.append('\n').toString();
	}

}
