package org.tongban.guidance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.Guide;
import org.tongban.catalogue.GuideContent.Channels;
import org.tongban.guidance.Answer.Citation;
import org.tongban.guidance.Answer.Statement;
import org.tongban.shared.Problem;

/**
 * The assistant (导办帮办 / 智能客服): answers a question only from the published guides. It finds the guide
 * with {@link GuideSearch} and answers with the guide's own sections, each cited; a configured model may word
 * the answer, but its words are shown only when every figure, material and title is found in the cited
 * sections. Whether a guide fits is decided on the question's intent and subject by {@link Relevance} (and,
 * with the embedding model loaded, by the search score); when no guide fits, it says so and names the approval
 * centre's window, its phone and the 12345 hotline instead of quoting an unrelated guide.
 */
@Service
public class Assistant {

	private static final Logger log = LoggerFactory.getLogger(Assistant.class);

	/** Longer questions are cut: nobody asks in more, and it bounds the work a request costs. */
	static final int MAX_QUESTION = 500;
	/**
	 * Scores are reciprocal ranks (k = 60) summed over the text and the vector ranking. An item first in only
	 * one of them scores 1/61 ≈ 0.0164: what the vectors alone rank first for "明天天气怎么样", "股票怎么买",
	 * "狗咬了怎么办" (measured). Items the words and the vectors both rank near the top score ≥ 0.025
	 * ("换医院了护士证怎么办" 0.0325, "开诊所要什么材料" 0.0315). Without the model only the text ranking counts,
	 * and then any hit passes on to the word check. A hit whose own key phrase the question names (see
	 * {@link Relevance}) needs no score: the person typed the item's words.
	 */
	static final double MIN_SCORE = 0.02;
	/** Search hits weighed by {@link Relevance}: an item the words name is rarely ranked below tenth. */
	static final int CANDIDATES = 10;
	private static final Pattern MARKER = Pattern.compile("\\[(\\d+)]");
	private static final String SYSTEM = "你是上海市浦东新区卫生健康委员会的办事导引助手。只能依据用户给出的办事指南片段回答，"
			+ "不得提及片段中没有的材料、时限、费用、数字或文件名称。请用简短的中文回答，每句话末尾用[片段编号]标明依据。";

	private final GuideSearch search;
	private final Catalogue catalogue;
	private final ChatModel model;
	private final MaterialVocabulary vocabulary;
	private final Embedder embedder;
	private final Synonyms synonyms;

	Assistant(GuideSearch search, Catalogue catalogue, ChatModel model, MaterialVocabulary vocabulary,
			Embedder embedder) {
		this.search = search;
		this.embedder = embedder;
		this.catalogue = catalogue;
		this.model = model;
		this.vocabulary = vocabulary;
		try (var in = new ClassPathResource("data/guidance/synonyms.txt").getInputStream()) {
			this.synonyms = Synonyms.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Answer ask(String question) {
		if (question == null || question.codePoints().noneMatch(Character::isLetterOrDigit)) {
			throw Problem.invalid("question", "请输入您要咨询的问题，例如“换医院了护士证怎么办”。");
		}
		String q = question.length() > MAX_QUESTION ? question.substring(0, MAX_QUESTION) : question;
		double minScore = embedder.ready() ? MIN_SCORE : 0;
		// among the best hits, the guide whose own key phrase the person typed wins (the longest: "国医馆设置"
		// over "国医馆"); failing that, the one sharing most subject pairs, if the search score also clears
		SearchHit best = null;
		Guide bestGuide = null;
		Relevance.Evidence bestEvidence = Relevance.Evidence.NONE;
		for (SearchHit hit : search.search(q, CANDIDATES)) {
			Optional<Guide> guide = catalogue.published(hit.code());
			if (guide.isEmpty()) {
				continue;
			}
			Relevance.Evidence e = Relevance.evidence(q, guide.get(), synonyms);
			if (e.phrase() == 0 && (hit.score() < minScore || !e.subject())) {
				continue;
			}
			if (best == null || e.phrase() > bestEvidence.phrase()
					|| (e.phrase() == bestEvidence.phrase() && e.pairs() > bestEvidence.pairs())) {
				best = hit;
				bestGuide = guide.get();
				bestEvidence = e;
			}
		}
		if (best != null) {
			List<Section> sections = GuideSections.of(bestGuide, best.situation() == null ? null : best.situation().code(), q);
			Guide g = bestGuide;
			return generated(q, sections).orElseGet(() -> extractive(g, sections));
		}
		return notFound();
	}

	/** The guide's own words, a sentence per section: grounded by construction. */
	static Answer extractive(Guide guide, List<Section> sections) {
		List<Statement> statements = new ArrayList<>();
		StringBuilder text = new StringBuilder("根据“" + guide.name() + "”办事指南（第" + guide.version() + "版）：\n");
		for (int i = 0; i < sections.size(); i++) {
			statements.add(new Statement(sections.get(i).statement(), List.of(i + 1)));
			text.append(sections.get(i).statement()).append("[").append(i + 1).append("]\n");
		}
		return new Answer(text.toString().strip(), citations(sections), true, statements);
	}

	/** The model's wording, if one is configured, answers and passes the grounding check. */
	private Optional<Answer> generated(String question, List<Section> sections) {
		if (!model.configured()) {
			return Optional.empty();
		}
		StringBuilder user = new StringBuilder("办事指南片段：\n");
		for (int i = 0; i < sections.size(); i++) {
			Section s = sections.get(i);
			user.append("[").append(i + 1).append("] ").append(s.citation().name()).append(" ")
				.append(s.citation().section()).append("：").append(s.text()).append('\n');
		}
		user.append("\n问题：").append(question);
		return model.complete(SYSTEM, user.toString())
			.filter(reply -> {
				List<String> unsupported = GroundingCheck.unsupported(reply, sections, vocabulary.names());
				if (!unsupported.isEmpty()) {
					log.info("Assistant: the model's answer is not grounded ({}); the guide's own words are used",
							unsupported);
				}
				return unsupported.isEmpty();
			})
			.map(reply -> new Answer(reply, citations(sections), true, statements(reply, sections.size())))
			// every sentence must name the fragment it rests on, so that the page can link it
			.filter(answer -> {
				boolean cited = answer.statements().stream().noneMatch(st -> st.citations().isEmpty());
				if (!cited) {
					log.info("Assistant: a sentence of the model's answer cites no fragment; the guide's own words are used");
				}
				return cited;
			});
	}

	/** The reply cut into sentences, each with the fragment numbers it names. */
	static List<Statement> statements(String reply, int sections) {
		List<Statement> out = new ArrayList<>();
		// markers after the full stop ("…办结。[2]") belong to the sentence they follow
		String marked = reply.replaceAll("([。！？!?])((?:\\[\\d{1,3}])+)", "$2$1");
		for (String sentence : marked.split("(?<=[。！？!?\\n])")) {
			List<Integer> refs = new ArrayList<>();
			Matcher m = MARKER.matcher(sentence);
			while (m.find()) {
				int n = Integer.parseInt(m.group(1));
				if (n >= 1 && n <= sections && !refs.contains(n)) {
					refs.add(n);
				}
			}
			String text = MARKER.matcher(sentence).replaceAll("").strip();
			if (!text.isEmpty()) {
				out.add(new Statement(text, refs));
			}
		}
		return out;
	}

	private Answer notFound() {
		StringBuilder text = new StringBuilder("抱歉，没有找到与您的问题相关的办事指南。为免误导，这里不作猜测。");
		window().ifPresent(ch -> text.append("您可以咨询").append(ch.windowAddress()).append("（")
			.append(ch.windowHours()).append("），电话 ").append(ch.phone()).append("。"));
		text.append("如果事情办不成，可以在本平台“办不成事反映”（/feedback/tickets/new）留言，1 个工作日内有人联系您；也可以拨打 12345 市民服务热线反映。");
		String answer = text.toString();
		return new Answer(answer, List.of(), false, List.of(new Statement(answer, List.of())));
	}

	/** The window of the commission's approval service centre, as its published guides give it. */
	private Optional<Channels> window() {
		return catalogue.items(null, null, null).stream()
			.filter(s -> "APPROVAL_CENTRE".equals(s.handlingUnit()))
			.map(s -> catalogue.published(s.code()))
			.flatMap(Optional::stream)
			.map(Guide::channels)
			.filter(ch -> ch != null && Boolean.TRUE.equals(ch.window()) && ch.phone() != null)
			.findFirst();
	}

	private static List<Citation> citations(List<Section> sections) {
		return sections.stream().map(Section::citation).toList();
	}
}
