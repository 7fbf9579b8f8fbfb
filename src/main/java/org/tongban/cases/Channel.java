package org.tongban.cases;

/** How the case came in; the window channel comes with handling. */
public enum Channel {
	ONLINE
}
