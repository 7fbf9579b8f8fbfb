package org.tongban.benefits;

import java.util.List;

/**
 * A programme offered without application: its owning division (whose staff run and explain it, and list the
 * institutions that deliver it), and the service offered. {@code institutions} are the programme file's names of
 * the institutions the demo seeds ({@code {street}} stands for each street/town); the institutions themselves are
 * data ({@link Institutions}).
 */
record Programme(String code, String name, String division, String basis, String service, List<String> institutions) {
}
