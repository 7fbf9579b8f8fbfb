package org.tongban.benefits;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.springframework.core.io.ClassPathResource;

/**
 * A synthetic Pudong, the same from the same seed on any machine: residents with the district's age and sex
 * structure over its 36 streets and towns, and what the other registers hold about them. People are made one at a
 * time and handed on, so that millions never sit in the heap. About one in 4,000 carries an ID number with a wrong
 * check digit, as real feeds do; the loader must skip and count them.
 */
final class SyntheticPudong {

	/** Per mille of residents per five-year age band from 0–4 to 90–94 (14 % aged 65 and over). */
	private static final int[] AGE_SHARE = {40, 45, 40, 35, 55, 80, 105, 95, 80, 70, 70, 75, 70, 60, 40, 20, 12, 6, 2};
	private static final String[] LOCAL_REGIONS = {"310101", "310104", "310105", "310106", "310107", "310109", "310110",
			"310112", "310113", "310225"};
	private static final String[] OTHER_REGIONS = {"320102", "330102", "340102", "360102", "370102", "410102", "420102",
			"430102", "510104", "500103"};
	private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
	private static final char[] CHECK = "10X98765432".toCharArray();
	static final String POPULATION = "公安人口库（演示）";
	static final String PENSIONS = "市社保退休人员库（演示）";
	static final String RELIEF = "区民政救助对象库（演示）";
	static final String HISTORY = "区卫生健康信息平台（演示）";
	static final String CONTRACTS = "家庭医生签约系统（演示）";
	static final String BOOKINGS = "孕前优生检查登记（演示）";

	/** One resident as the registers describe them. */
	record Resident(Registers.Person person, List<Registers.Status> statuses, List<Registers.Service> services,
			List<Registers.Contract> contracts, List<Registers.Booking> bookings) {
	}

	private final long seed;
	private final LocalDate today;
	private final List<String> streets = new ArrayList<>();
	private final double[] cumulative;
	/** Sequence numbers used per (region, birth day, sex), so that every ID number made is different. */
	private final short[] used;
	private final LocalDate oldest;

	SyntheticPudong(long seed, LocalDate today) {
		this.seed = seed;
		this.today = today;
		List<Double> weights = new ArrayList<>();
		try (BufferedReader in = new BufferedReader(new InputStreamReader(
				new ClassPathResource("data/benefits/streets.txt").getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				if (!line.isBlank() && !line.startsWith("#")) {
					String[] parts = line.trim().split("\\s+");
					streets.add(parts[0]);
					weights.add(Double.parseDouble(parts[1]));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		cumulative = new double[weights.size()];
		double sum = 0;
		for (int i = 0; i < weights.size(); i++) {
			sum += weights.get(i);
			cumulative[i] = sum;
		}
		for (int i = 0; i < cumulative.length; i++) {
			cumulative[i] /= sum;
		}
		oldest = today.minusYears(AGE_SHARE.length * 5L);
		int days = (int) (today.toEpochDay() - oldest.toEpochDay()) + 1;
		used = new short[(LOCAL_REGIONS.length + OTHER_REGIONS.length) * days * 2];
	}

	List<String> streets() {
		return List.copyOf(streets);
	}

	/** Makes {@code count} residents in order and hands each to {@code sink}. */
	void generate(long count, Consumer<Resident> sink) {
		SplittableRandom random = new SplittableRandom(seed);
		for (long i = 0; i < count; i++) {
			sink.accept(resident(random));
		}
	}

	private Resident resident(SplittableRandom r) {
		int roll = r.nextInt(1000);
		int band = 0;
		for (int acc = AGE_SHARE[0]; roll >= acc && band < AGE_SHARE.length - 1; acc += AGE_SHARE[++band]) {
		}
		int age = band * 5 + r.nextInt(5);
		LocalDate birth = today.minusYears(age).minusDays(r.nextInt(365));
		double female = age < 60 ? 0.49 : age < 80 ? 0.52 : 0.58;
		boolean woman = r.nextDouble() < female;
		boolean local = r.nextInt(100) < 60;
		String street = r.nextInt(100) < 97 ? street(r.nextDouble()) : null;
		String id = idNumber(r, birth, woman, local);
		if (r.nextInt(4000) == 0) {
			// a wrong check digit, as a typing error in a source register would leave it
			char wrong = id.charAt(17) == '0' ? '1' : '0';
			id = id.substring(0, 17) + wrong;
		}
		LocalDate recorded = today.minusDays(1 + r.nextInt(30));
		Registers.Person person = new Registers.Person(id, woman ? "F" : "M", birth, local, street, recorded, POPULATION);

		List<Registers.Status> statuses = new ArrayList<>(1);
		int retireAge = woman ? (r.nextBoolean() ? 50 : 55) : 60;
		if (age >= retireAge && r.nextInt(100) < 85) {
			statuses.add(new Registers.Status("RETIRED", birth.plusYears(retireAge), null, PENSIONS));
		}
		if (r.nextInt(1000) < 25) {
			LocalDate since = today.minusDays(r.nextInt(5 * 365));
			LocalDate until = r.nextInt(5) == 0 ? since.plusDays(r.nextInt(400)) : null;
			statuses.add(new Registers.Status("HARDSHIP", since, until, RELIEF));
		}
		List<Registers.Service> services = new ArrayList<>(1);
		String centre = (street == null ? "浦东新区" : street) + "社区卫生服务中心";
		if (woman && age >= 35 && age <= 66 && r.nextInt(100) < 40) {
			services.add(new Registers.Service("TWO_CANCER_SCREENING", today.minusDays(r.nextInt(4 * 365)), "区妇幼保健所", HISTORY));
		}
		if (age >= 64) {
			int c = r.nextInt(100);
			if (c < 50) {
				services.add(new Registers.Service("HEALTH_CHECK",
						today.withDayOfYear(1).plusDays(r.nextInt(today.getDayOfYear())), centre, HISTORY));
			}
			else if (c < 80) {
				services.add(new Registers.Service("HEALTH_CHECK", today.withDayOfYear(1).minusDays(1 + r.nextInt(365)), centre, HISTORY));
			}
		}
		List<Registers.Contract> contracts = new ArrayList<>(1);
		if (street != null && r.nextInt(100) < (age >= 65 ? 70 : 25)) {
			LocalDate signed = today.minusDays(r.nextInt(6 * 365));
			contracts.add(new Registers.Contract(signed, r.nextInt(20) == 0 ? signed.plusDays(r.nextInt(365)) : null, centre,
					CONTRACTS));
		}
		List<Registers.Booking> bookings = new ArrayList<>(1);
		if (age >= 22 && age <= 40 && r.nextInt(1000) < 15) {
			LocalDate booked = today.minusDays(r.nextInt(420));
			String partner = idNumber(r, birth.plusDays(r.nextInt(2000) - 1000), !woman, r.nextBoolean());
			bookings.add(new Registers.Booking(booked, partner, partner.startsWith("31"), BOOKINGS));
		}
		return new Resident(person, statuses, services, contracts, bookings);
	}

	private String street(double roll) {
		for (int i = 0; i < cumulative.length; i++) {
			if (roll < cumulative[i]) {
				return streets.get(i);
			}
		}
		return streets.get(streets.size() - 1);
	}

	/** A valid ID number never made before in this run (Pudong's own code 310115 is left to tests and the demo). */
	private String idNumber(SplittableRandom r, LocalDate birth, boolean woman, boolean local) {
		int regions = LOCAL_REGIONS.length + OTHER_REGIONS.length;
		int region = local ? r.nextInt(LOCAL_REGIONS.length) : LOCAL_REGIONS.length + r.nextInt(OTHER_REGIONS.length);
		if (birth.isBefore(oldest)) {
			birth = oldest;
		}
		if (birth.isAfter(today)) {
			birth = today;
		}
		int day = (int) (birth.toEpochDay() - oldest.toEpochDay());
		int days = used.length / regions / 2;
		int sex = woman ? 0 : 1;
		for (int tries = 0; tries < regions; tries++) {
			int slot = ((region * days) + day) * 2 + sex;
			if (used[slot] < 499) {
				int seq = used[slot]++ * 2 + (woman ? 0 : 1);
				String code = region < LOCAL_REGIONS.length ? LOCAL_REGIONS[region] : OTHER_REGIONS[region - LOCAL_REGIONS.length];
				return withCheckDigit(code + birth.toString().replace("-", "") + String.format("%03d", seq));
			}
			region = (region + 1) % regions;
		}
		throw new IllegalStateException("too many residents born on " + birth);
	}

	static String withCheckDigit(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return first17 + CHECK[sum % 11];
	}
}
