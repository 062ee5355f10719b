package io.github.faircomclient.test.mq;

import io.github.faircomclient.test.mq.TopicNames.Filter;
import io.github.faircomclient.test.spi.ActionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TopicNamesTests {

	@ParameterizedTest
	@CsvSource({ "sport/tennis/player1,sport/tennis/player1,true", "sport/tennis/player1,sport/tennis/player2,false",
			"sport/#,sport,true", "sport/#,sport/tennis/player1/ranking,true", "#,sport/tennis,true",
			"sport/tennis/#,sport/tennis,true", "sport/+,sport,false", "sport/+,sport/,true", "sport/+,sport/tennis,true",
			"sport/+,sport/tennis/player1,false", "+/+,/finance,true", "/+,/finance,true", "+,/finance,false",
			"+/tennis/#,sport/tennis/player1,true", "#,$SYS/uptime,false", "+/uptime,$SYS/uptime,false",
			"$SYS/#,$SYS/uptime,true", "$SYS/+,$SYS/uptime,true", "test/Topic1,test/topic1,false",
			"$share/group/orders/#,orders/eu/1,true", "$share/group/orders/+,orders/eu/1,false" })
	void matchesLikeMqtt(String filter, String topic, boolean matches) {
		assertThat(TopicNames.parseFilter(filter).matches(topic)).as(filter + " vs " + topic).isEqualTo(matches);
	}

	@Test
	void parsesSharedSubscriptions() {
		Filter shared = TopicNames.parseFilter("$share/workers/orders/#");
		assertThat(shared.shared()).isTrue();
		assertThat(shared.shareGroup()).isEqualTo("workers");
		assertThat(shared.levels()).containsExactly("orders", "#");
		assertThat(shared.text()).isEqualTo("$share/workers/orders/#");
		assertThat(TopicNames.parseFilter("orders/#").shared()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "sport/tennis#", "sport/#/ranking", "sport+", "sport/+x/a", "$share/", "$share/group",
			"$share/group/", "$share//orders", "$share/gr+oup/orders", "a\u0000b" })
	void refusesInvalidFilters(String filter) {
		assertThatExceptionOfType(ActionException.class).isThrownBy(() -> TopicNames.parseFilter(filter))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(99073));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "a/+", "a/#", "+", "#", "a\u0000" })
	void refusesInvalidTopicNames(String topic) {
		assertThatExceptionOfType(ActionException.class).isThrownBy(() -> TopicNames.requireTopicName(topic))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(99072));
	}

	@Test
	void acceptsNamesUpToTheMqttLimit() {
		assertThat(TopicNames.requireTopicName("x".repeat(65535))).hasSize(65535);
		assertThatExceptionOfType(ActionException.class).isThrownBy(() -> TopicNames.requireTopicName("x".repeat(65536)))
			.withMessageContaining("longer than 65535 bytes");
		assertThatExceptionOfType(ActionException.class).isThrownBy(() -> TopicNames.requireTopicName("é".repeat(32768)))
			.as("the limit counts UTF-8 bytes");
	}

}
