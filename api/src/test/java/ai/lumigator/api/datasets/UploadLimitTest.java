package ai.lumigator.api.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lumigator.api.errors.PayloadTooLargeException;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;

class UploadLimitTest {
  @Test
  void theLimitIsPrintedInDecimalMegabytesLikePython() {
    assertThat(UploadLimit.megabytes(50_000_000)).isEqualTo("50.0");
    assertThat(UploadLimit.megabytes(1_500_000)).isEqualTo("1.5");
    assertThat(UploadLimit.megabytes(250_000)).isEqualTo("0.25");
    assertThat(UploadLimit.megabytes(123_456_789)).isEqualTo("123.456789");
    assertThat(UploadLimit.tooLarge(50_000_000))
        .hasMessage("Dataset upload exceeds the 50.0MB limit");
  }

  @Test
  void exactlyTheLimitPassesOneMoreByteFails() throws Exception {
    UploadLimit exact = new UploadLimit(new ByteArrayInputStream(new byte[1000]), 1000);
    assertThat(exact.transferTo(OutputStream.nullOutputStream())).isEqualTo(1000);
    assertThat(exact.count()).isEqualTo(1000);

    UploadLimit over = new UploadLimit(new ByteArrayInputStream(new byte[1001]), 1000);
    assertThatThrownBy(() -> over.transferTo(OutputStream.nullOutputStream()))
        .isInstanceOf(PayloadTooLargeException.class)
        .hasMessage("Dataset upload exceeds the 0.001MB limit");
    UploadLimit single = new UploadLimit(new ByteArrayInputStream(new byte[2]), 1);
    assertThat(single.read()).isZero();
    assertThatThrownBy(single::read).isInstanceOf(PayloadTooLargeException.class);
  }
}
