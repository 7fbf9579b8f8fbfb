package org.tongban.reform;

import org.springframework.core.io.InputStreamSource;

/** A file uploaded with a report, as received; its type is judged from the content before it is kept. */
public record NewAttachment(String filename, long size, InputStreamSource content) {
}
