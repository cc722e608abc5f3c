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

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;

/**
 * Receives every log event of the test run at TRACE (see logback-test.xml) and records
 * any that contains the test API key, or even its first 12 characters, in its message,
 * arguments or exception chain.
 */
public class SecretScanningAppender extends AppenderBase<ILoggingEvent> {

	private static final List<String> LEAKS = new CopyOnWriteArrayList<>();

	private static final AtomicLong EVENTS = new AtomicLong();

	static List<String> leaks() {
		return LEAKS;
	}

	static long events() {
		return EVENTS.get();
	}

	@Override
	protected void append(ILoggingEvent event) {
		EVENTS.incrementAndGet();
		String secret = WireTestSupport.API_KEY.substring(0, 12);
		if (contains(event.getFormattedMessage(), secret) || contains(event.getMessage(), secret)) {
			LEAKS.add(event.getLoggerName() + ": " + event.getFormattedMessage());
			return;
		}
		IThrowableProxy throwable = event.getThrowableProxy();
		while (throwable != null) {
			if (contains(throwable.getMessage(), secret)) {
				LEAKS.add(event.getLoggerName() + " exception: " + throwable.getMessage());
				return;
			}
			for (StackTraceElementProxy element : throwable.getStackTraceElementProxyArray()) {
				if (contains(element.getSTEAsString(), secret)) {
					LEAKS.add(event.getLoggerName() + " stack: " + element.getSTEAsString());
					return;
				}
			}
			throwable = throwable.getCause();
		}
	}

	private static boolean contains(String text, String secret) {
		return text != null && text.contains(secret);
	}

}
