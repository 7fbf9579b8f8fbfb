package org.tongban.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.shared.Sm3;
import org.tongban.supervision.EnforcementRecords.Subject;

/**
 * The full-process record (《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》,
 * 国办发〔2018〕118号, part 三): every step with its time and person, evidence hashed with SM3, chained so that a
 * changed or missing step shows.
 */
class RecordingEnforcementStepsTests extends SupervisionIntegrationTest {

	@Autowired
	EnforcementRecords records;

	@Autowired
	TransactionTemplate tx;

	@Test
	void stepsChainFromTheGenesisAndVerify() {
		clock.travelTo(LocalDateTime.of(2026, 3, 2, 9, 0));
		UUID subject = UUID.randomUUID();
		String photo = Sm3.hex("photo bytes");
		var first = tx.execute(s -> records.append(Subject.INSPECTION, subject, "OPENED", "inspector1", "开始检查", null));
		clock.travelTo(LocalDateTime.of(2026, 3, 2, 9, 30, 0, 123456789));
		var second = tx.execute(s -> records.append(Subject.INSPECTION, subject, "PHOTO", "inspector1", "现场照片", photo));

		assertThat(first.previousHash()).isEqualTo(EnforcementRecords.GENESIS);
		assertThat(second.previousHash()).isEqualTo(first.hash());
		assertThat(second.evidenceSm3()).isEqualTo(photo);
		assertThat(records.of(Subject.INSPECTION, subject)).extracting(EnforcementRecords.Step::step)
			.containsExactly("OPENED", "PHOTO");
		assertThat(records.verify(Subject.INSPECTION, subject)).isEqualTo(new EnforcementRecords.Verification(true, 2, null));
		// another subject's chain is separate and starts from the genesis
		var other = tx.execute(s -> records.append(Subject.PENALTY, subject, "OPENED", "x", "", null));
		assertThat(other.previousHash()).isEqualTo(EnforcementRecords.GENESIS);
	}

	@Test
	void aStepCannotBeChangedOrRemoved() {
		UUID subject = UUID.randomUUID();
		var step = tx.execute(s -> records.append(Subject.INSPECTION, subject, "OPENED", "inspector1", "开始检查", null));
		assertThatThrownBy(() -> jdbc.sql("UPDATE supervision_enforcement_record SET detail = '改过' WHERE seq = ?")
			.param(step.seq()).update()).hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM supervision_enforcement_record WHERE seq = ?")
			.param(step.seq()).update()).hasMessageContaining("append-only");
	}

	@Test
	void aStepThatDoesNotFollowItsPredecessorShows() {
		UUID subject = UUID.randomUUID();
		tx.execute(s -> records.append(Subject.INSPECTION, subject, "OPENED", "inspector1", "开始检查", null));
		// a step written around the service (as someone with database access might) breaks the chain
		long forged = jdbc.sql("INSERT INTO supervision_enforcement_record (subject_kind, subject_id, step, actor, at, "
				+ "detail, previous_hash, hash) VALUES ('INSPECTION', ?, 'FINDING', 'someone', now(), '未发现问题', ?, ?) "
				+ "RETURNING seq").params(subject, EnforcementRecords.GENESIS, Sm3.hex("forged")).query(Long.class).single();
		assertThat(records.verify(Subject.INSPECTION, subject)).isEqualTo(new EnforcementRecords.Verification(false, 2, forged));
	}

	@Test
	void aStepIsRecordedOnlyWithTheChangeItRecords() {
		assertThatThrownBy(() -> records.append(Subject.INSPECTION, UUID.randomUUID(), "OPENED", "x", "", null))
			.isInstanceOf(IllegalTransactionStateException.class);
	}
}
