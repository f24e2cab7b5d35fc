package io.shopflow.flows.access;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The group shopflow-marketers and what Camunda lets its members do: deploy flows (Camunda Modeler), read
 * definitions, instances and their history in Cockpit and /engine-rest. Nothing of users, groups, tenants or
 * authorizations. Created at start when missing; an operator may widen or narrow it in Camunda Admin, and a
 * grant that exists is left as the operator set it.
 */
@Component
class MarketerRights {

	static final String GROUP = "shopflow-marketers";

	private record Grant(Resource resource, String resourceId, Permission... permissions) {
	}

	private static final List<Grant> GRANTS = List.of(
			new Grant(Resources.APPLICATION, "cockpit", Permissions.ACCESS),
			new Grant(Resources.DEPLOYMENT, "*", Permissions.CREATE, Permissions.READ),
			new Grant(Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY,
					Permissions.READ_INSTANCE),
			new Grant(Resources.PROCESS_INSTANCE, "*", Permissions.READ),
			new Grant(Resources.HISTORIC_PROCESS_INSTANCE, "*", HistoricProcessInstancePermissions.READ));

	private final IdentityService identity;
	private final AuthorizationService authorizations;

	MarketerRights(IdentityService identity, AuthorizationService authorizations) {
		this.identity = identity;
		this.authorizations = authorizations;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ensure() {
		if (identity.createGroupQuery().groupId(GROUP).count() == 0) {
			var group = identity.newGroup(GROUP);
			group.setName("Shopflow marketers");
			group.setType("WORKFLOW");
			identity.saveGroup(group);
		}
		for (Grant grant : GRANTS) {
			boolean present = authorizations.createAuthorizationQuery().groupIdIn(GROUP)
					.resourceType(grant.resource()).resourceId(grant.resourceId()).count() > 0;
			if (!present) {
				Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
				authorization.setGroupId(GROUP);
				authorization.setResource(grant.resource());
				authorization.setResourceId(grant.resourceId());
				for (Permission permission : grant.permissions()) {
					authorization.addPermission(permission);
				}
				authorizations.saveAuthorization(authorization);
			}
		}
	}
}
