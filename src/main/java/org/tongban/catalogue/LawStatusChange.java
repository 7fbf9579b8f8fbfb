package org.tongban.catalogue;

import java.util.List;

/** The outcome of marking a law amended or repealed: the law as it now stands and the items flagged for review. */
public record LawStatusChange(Law law, List<String> flaggedItems) {
}
