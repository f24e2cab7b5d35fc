package io.shopflow.flows;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/** Each broadcast campaign is an instance of bpmn/campaign.bpmn, business key campaign:&lt;key&gt;, in Cockpit. */
@Service
public class CampaignProcesses {

	private final RuntimeService runtime;

	CampaignProcesses(RuntimeService runtime) {
		this.runtime = runtime;
	}

	/** @return the process instance id */
	public String start(String campaignKey) {
		return runtime.startProcessInstanceByKey(CampaignFlow.KEY, CampaignFlow.BUSINESS_KEY_PREFIX + campaignKey,
				Map.of(CampaignFlow.VAR_CAMPAIGN_KEY, campaignKey))
				.getId();
	}

	public void suspend(String processInstanceId) {
		runtime.suspendProcessInstanceById(processInstanceId);
	}

	public void activate(String processInstanceId) {
		runtime.activateProcessInstanceById(processInstanceId);
	}
}
