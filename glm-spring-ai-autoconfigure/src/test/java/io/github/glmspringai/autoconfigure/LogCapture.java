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

package io.github.glmspringai.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/**
 * Captures every event of some loggers at a level, instead of their usual appenders,
 * until closed: the formatted message and the messages of the attached exceptions.
 */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

	private final List<String> lines = new CopyOnWriteArrayList<>();

	private final List<Logger> loggers = new ArrayList<>();

	private final List<Level> previousLevels = new ArrayList<>();

	private LogCapture(Level level, String... names) {
		start();
		for (String name : names) {
			Logger logger = (Logger) LoggerFactory.getLogger(name);
			this.loggers.add(logger);
			this.previousLevels.add(logger.getLevel());
			logger.setLevel(level);
			logger.setAdditive(false);
			logger.addAppender(this);
		}
	}

	static LogCapture of(Level level, String... loggerNames) {
		return new LogCapture(level, loggerNames);
	}

	List<String> lines() {
		return List.copyOf(this.lines);
	}

	@Override
	protected void append(ILoggingEvent event) {
		StringBuilder line = new StringBuilder(event.getLevel() + " " + event.getLoggerName() + ": ")
			.append(event.getFormattedMessage());
		for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
			line.append(" | ").append(cause.getClassName()).append(": ").append(cause.getMessage());
		}
		this.lines.add(line.toString());
	}

	@Override
	public void close() {
		for (int i = 0; i < this.loggers.size(); i++) {
			Logger logger = this.loggers.get(i);
			logger.detachAppender(this);
			logger.setAdditive(true);
			logger.setLevel(this.previousLevels.get(i));
		}
		stop();
	}

}
