/*
 * Copyright 2026-present the original author or authors.
 * Licensed under the Apache License, Version 2.0 (https://www.apache.org/licenses/LICENSE-2.0).
 *
 * A small, safe Markdown renderer for streamed answers. Everything is HTML-escaped first;
 * only the tags below are produced, and links only for http(s) URLs. Unclosed constructs
 * (a code fence still streaming) render as far as they go.
 * Supports: headings, paragraphs, line breaks, **bold**, *italic*, ~~strike~~, `code`,
 * fenced code blocks, block quotes, ordered and unordered lists, tables, rules, links.
 */
(function (global) {
	'use strict';

	function escapeHtml(text) {
		return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
			.replace(/"/g, '&quot;').replace(/'/g, '&#39;');
	}

	// Text that is already escaped: emphasis and links.
	function emphasis(escaped) {
		return escaped
			.replace(/\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/g,
				'<a href="$2" target="_blank" rel="noopener noreferrer">$1</a>')
			.replace(/\*\*([^*\n]+)\*\*/g, '<strong>$1</strong>')
			.replace(/__([^_\n]+)__/g, '<strong>$1</strong>')
			.replace(/(^|[^*\w])\*([^*\n]+)\*/g, '$1<em>$2</em>')
			.replace(/~~([^~\n]+)~~/g, '<del>$1</del>');
	}

	function inline(text) {
		return text.split(/(`[^`\n]+`)/).map(function (part, i) {
			return (i % 2 === 1) ? '<code>' + escapeHtml(part.slice(1, -1)) + '</code>' : emphasis(escapeHtml(part));
		}).join('');
	}

	var FENCE = /^\s*(```|~~~)\s*([\w+#.-]*)\s*$/;
	var HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
	var RULE = /^\s*([-*_])(\s*\1){2,}\s*$/;
	var QUOTE = /^\s*>\s?/;
	var BULLET = /^\s*[-*+]\s+/;
	var NUMBER = /^\s*\d{1,9}[.)]\s+/;
	var TABLE_DIVIDER = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

	function startsBlock(line) {
		return FENCE.test(line) || HEADING.test(line) || RULE.test(line) || QUOTE.test(line)
			|| BULLET.test(line) || NUMBER.test(line);
	}

	function cells(line) {
		return line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map(function (cell) {
			return inline(cell.trim());
		});
	}

	function render(markdown) {
		var lines = String(markdown).replace(/\r\n?/g, '\n').split('\n');
		var html = [];
		var i = 0;
		var match;
		while (i < lines.length) {
			var line = lines[i];
			if ((match = line.match(FENCE))) {
				var fence = match[1];
				var code = [];
				i++;
				while (i < lines.length && lines[i].trim().indexOf(fence) !== 0) {
					code.push(lines[i]);
					i++;
				}
				i++;
				var language = match[2] ? ' class="language-' + escapeHtml(match[2]) + '"' : '';
				html.push('<pre><code' + language + '>' + escapeHtml(code.join('\n')) + '</code></pre>');
			}
			else if (/^\s*$/.test(line)) {
				i++;
			}
			else if ((match = line.match(HEADING))) {
				var level = match[1].length;
				html.push('<h' + level + '>' + inline(match[2]) + '</h' + level + '>');
				i++;
			}
			else if (RULE.test(line)) {
				html.push('<hr>');
				i++;
			}
			else if (QUOTE.test(line)) {
				var quoted = [];
				while (i < lines.length && QUOTE.test(lines[i])) {
					quoted.push(lines[i].replace(QUOTE, ''));
					i++;
				}
				html.push('<blockquote>' + render(quoted.join('\n')) + '</blockquote>');
			}
			else if (BULLET.test(line) || NUMBER.test(line)) {
				var ordered = NUMBER.test(line);
				var marker = ordered ? NUMBER : BULLET;
				var items = [];
				while (i < lines.length) {
					if (marker.test(lines[i])) {
						items.push(lines[i].replace(marker, ''));
					}
					else if (items.length && /^\s{2,}\S/.test(lines[i]) && !startsBlock(lines[i])) {
						items[items.length - 1] += '\n' + lines[i].trim();
					}
					else {
						break;
					}
					i++;
				}
				var tag = ordered ? 'ol' : 'ul';
				html.push('<' + tag + '>' + items.map(function (item) {
					return '<li>' + item.split('\n').map(inline).join('<br>') + '</li>';
				}).join('') + '</' + tag + '>');
			}
			else if (line.indexOf('|') >= 0 && i + 1 < lines.length && TABLE_DIVIDER.test(lines[i + 1])) {
				var head = cells(line);
				var rows = [];
				i += 2;
				while (i < lines.length && lines[i].indexOf('|') >= 0 && !/^\s*$/.test(lines[i])) {
					rows.push(cells(lines[i]));
					i++;
				}
				html.push('<table><thead><tr>' + head.map(function (c) { return '<th>' + c + '</th>'; }).join('')
					+ '</tr></thead><tbody>' + rows.map(function (row) {
						return '<tr>' + row.map(function (c) { return '<td>' + c + '</td>'; }).join('') + '</tr>';
					}).join('') + '</tbody></table>');
			}
			else {
				var paragraph = [];
				while (i < lines.length && !/^\s*$/.test(lines[i]) && !startsBlock(lines[i])) {
					paragraph.push(lines[i]);
					i++;
				}
				html.push('<p>' + paragraph.map(inline).join('<br>') + '</p>');
			}
		}
		return html.join('\n');
	}

	global.GlmMarkdown = { render: render, escapeHtml: escapeHtml };
})(window);
