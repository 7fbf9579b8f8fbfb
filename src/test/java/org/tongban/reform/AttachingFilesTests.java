package org.tongban.reform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;

/** Attachments are judged by their bytes, kept under their SHA-256, and limited to 20 MB each. */
class AttachingFilesTests extends ReformIntegrationTest {

	@LocalServerPort
	int port;

	private long reportsOn(int no) {
		return jdbc.sql("SELECT count(*) FROM reform_report WHERE task_no = ?").param(no).query(Long.class).single();
	}

	@Test
	void aPictureIsKeptUnderItsHashAndCanBeDownloaded() throws Exception {
		BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(image, "png", png);
		byte[] bytes = png.toByteArray();
		// the name says JPG and the browser says text: neither matters
		var file = new MockMultipartFile("files", "现场照片.jpg", "text/plain", bytes);
		String body = mvc.perform(multipart("/api/reform/tasks/{no}/reports", 5).file(file)
				.param("text", "婚前医学检查人员资格认定指南已发布").param("progress", "70").param("status", "IN_PROGRESS")
				.with(basic("biomed")))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.attachments[0].mediaType").value("image/png"))
				.andExpect(jsonPath("$.attachments[0].filename").value("现场照片.jpg"))
				.andReturn().getResponse().getContentAsString();
		String id = body.replaceAll(".*\"attachments\":\\[\\{\"id\":\"([0-9a-f-]+)\".*", "$1");
		byte[] downloaded = mvc.perform(get("/api/reform/attachments/{id}", id).with(basic("leader")))
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Disposition", containsString("attachment")))
				.andReturn().getResponse().getContentAsByteArray();
		assertThat(downloaded).isEqualTo(bytes);
		// task 5 is led by 生物医药处 alone: its staff download too; other units, approvers and administrators
		// are told the attachment does not exist
		mvc.perform(get("/api/reform/attachments/{id}", id).with(basic("biomed"))).andExpect(status().isOk());
		for (String other : new String[] { "tcm", "approver", "clerk", "admin" }) {
			mvc.perform(get("/api/reform/attachments/{id}", id).with(basic(other))).andExpect(status().isNotFound());
			mvc.perform(get("/reform/attachments/{id}", id).with(basic(other))).andExpect(status().isNotFound());
		}
		String sha = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
		assertThat(Path.of("target/test-data/files", sha.substring(0, 2), sha)).exists();
	}

	@Test
	void aProgramOrTextDisguisedAsPdfIsRefused() throws Exception {
		byte[] exe = new byte[4096];
		exe[0] = 'M';
		exe[1] = 'Z';
		exe[0x3c] = (byte) 0x80;
		byte[] pe = "PE\0\0".getBytes(StandardCharsets.ISO_8859_1);
		System.arraycopy(pe, 0, exe, 0x80, pe.length);
		mvc.perform(multipart("/api/reform/tasks/{no}/reports", 4)
				.file(new MockMultipartFile("files", "报告.pdf", "application/pdf", exe))
				.param("text", "进展").param("progress", "10").param("status", "IN_PROGRESS").with(basic("biomed")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("files"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("文件“报告.pdf”的实际格式不受支持")));
		mvc.perform(multipart("/api/reform/tasks/{no}/reports", 4)
				.file(new MockMultipartFile("files", "说明.pdf", "application/pdf", "这只是文本".getBytes(StandardCharsets.UTF_8)))
				.param("text", "进展").param("progress", "10").param("status", "IN_PROGRESS").with(basic("biomed")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].message").value(containsString("只接受")));
		assertThat(reportsOn(4)).isZero();
	}

	@Test
	void aFiftyMegabyteUploadIsRefusedWithAChineseMessageAndNothingSaved() throws Exception {
		// MockMvc skips the servlet container's multipart limits, so this goes over a real port
		byte[] big = new byte[50 * 1024 * 1024];
		Arrays.fill(big, (byte) 'a');
		String boundary = "----tongban" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n大文件\r\n"
				+ "--" + boundary + "\r\nContent-Disposition: form-data; name=\"progress\"\r\n\r\n10\r\n"
				+ "--" + boundary + "\r\nContent-Disposition: form-data; name=\"status\"\r\n\r\nIN_PROGRESS\r\n"
				+ "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.pdf\"\r\n"
				+ "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(big);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/reform/tasks/4/reports"))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.header("Authorization", "Basic " + Base64.getEncoder()
						.encodeToString(("biomed:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request,
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				t -> assertThat(t).startsWith("application/problem+json"));
		assertThat(response.body()).contains("文件过大").contains("20 MB");
		assertThat(reportsOn(4)).isZero();
	}
}
