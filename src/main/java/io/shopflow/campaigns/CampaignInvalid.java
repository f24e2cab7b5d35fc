package io.shopflow.campaigns;

/** A campaign that cannot be created as asked; field names the part that is wrong. */
public class CampaignInvalid extends RuntimeException {

	private final String field;

	public CampaignInvalid(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}
}
