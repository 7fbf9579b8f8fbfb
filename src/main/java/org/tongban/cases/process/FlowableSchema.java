package org.tongban.cases.process;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.springframework.stereotype.Component;

/**
 * Flowable looks for its tables in every schema unless told one, so a database holding another
 * installation's tables (another schema on a shared server, as on CI) would make it skip creating its own.
 * It is told the schema the connections use ({@code currentSchema} in the URL, else the default).
 */
@Component
class FlowableSchema implements EngineConfigurationConfigurer<SpringProcessEngineConfiguration> {

	private final DataSource dataSource;

	FlowableSchema(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void configure(SpringProcessEngineConfiguration engine) {
		try (Connection connection = dataSource.getConnection()) {
			engine.setDatabaseSchema(connection.getSchema());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot read the database schema for Flowable", ex);
		}
	}
}
