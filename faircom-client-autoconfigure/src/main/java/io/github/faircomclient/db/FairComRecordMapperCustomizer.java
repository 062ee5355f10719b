package io.github.faircomclient.db;

import tools.jackson.databind.json.JsonMapper;

/**
 * Customizes the Jackson mapper that turns the application's records, POJOs and maps into
 * FairCom record values and back (the JSON envelope keeps its own fixed mapper). Declare
 * beans of this type to have them applied to the auto-configured template, in order, after
 * the FairCom defaults.
 * <p>
 * Changing how dates, times, timestamps, numbers or binary values are written can make the
 * server refuse them; see the type table in the README.
 */
@FunctionalInterface
public interface FairComRecordMapperCustomizer {

	/**
	 * Customize the mapper.
	 * @param builder the builder of the record mapper, with the FairCom defaults applied
	 */
	void customize(JsonMapper.Builder builder);

}
