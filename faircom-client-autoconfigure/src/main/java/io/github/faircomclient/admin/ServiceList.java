package io.github.faircomclient.admin;

import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * The services {@code listServices} reports, every group of its result in one list.
 *
 * @param services the services, in the order of the result
 * @param details the whole result the server returned
 */
public record ServiceList(List<ServiceInfo> services, JsonNode details) {

	/**
	 * Create a service list; the services are copied.
	 * @param services the services, in the order of the result
	 * @param details the whole result the server returned
	 */
	public ServiceList {
		services = List.copyOf(services);
	}

	/**
	 * Return the services of one group of the result.
	 * @param group e.g. {@code listeners}, {@code apis} or {@code integrationServices}
	 * @return its services, possibly none
	 */
	public List<ServiceInfo> group(String group) {
		return this.services.stream().filter((service) -> service.group().equals(group)).toList();
	}

	/**
	 * Return the listeners ({@code listeners}): the ports the server accepts connections
	 * on.
	 * @return the listeners
	 */
	public List<ServiceInfo> listeners() {
		return group("listeners");
	}

	/**
	 * Return a service by name, ignoring case.
	 * @param serviceName e.g. {@code modbus}
	 * @return the first service of that name
	 */
	public Optional<ServiceInfo> service(String serviceName) {
		return this.services.stream()
			.filter((service) -> service.serviceName().equalsIgnoreCase(serviceName))
			.findFirst();
	}

	@Override
	public String toString() {
		return "ServiceList" + this.services;
	}

}
