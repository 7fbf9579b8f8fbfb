package org.tongban.cases;

import java.time.Instant;

/** A material the window clerk received as a paper original (纸质原件), in place of an upload. */
@org.springframework.modulith.NamedInterface("api")
public record PaperMaterial(String material, String receivedBy, Instant receivedAt) {
}
