package io.shopflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.shopflow.events.EventPipeline.Step;
import io.shopflow.events.ShopEvent.Raised;

import org.junit.jupiter.api.Test;

/** The steps run in the order EventPipeline.Step lists, whatever order Spring hands them in. */
class EventPipelineTest {

	final List<String> ran = new ArrayList<>();

	@Test
	void everyStepRunsInTheListedOrderFirstForTheBatchThenForEachEvent() {
		List<ShopEventHandler> shuffled = new ArrayList<>(Stream.of(Step.values()).map(this::recording).toList());
		Collections.reverse(shuffled);

		new EventPipeline(shuffled).run(List.of(event("e1"), event("e2")));

		List<String> expected = new ArrayList<>();
		Arrays.stream(Step.values()).forEach(step -> expected.add(step + " before e1,e2"));
		for (String event : List.of("e1", "e2")) {
			Arrays.stream(Step.values()).forEach(step -> expected.add(step + " " + event));
		}
		assertThat(ran).containsExactlyElementsOf(expected);
	}

	@Test
	void aDerivedEventGoesStraightToTheFlowsBeforeTheStepsAfterTheOneThatRaisedIt() {
		List<ShopEventHandler> handlers = new ArrayList<>();
		for (Step step : Step.values()) {
			handlers.add(step == Step.REPLENISHMENT ? raising(step) : recording(step));
		}

		new EventPipeline(handlers).run(List.of(event("e1")));

		assertThat(ran).containsSubsequence("ORDERS e1", "REPLENISHMENT e1", "FLOWS e1/planned", "PUSH_SUBSCRIPTIONS e1",
				"SEGMENTS e1", "FLOWS e1");
		assertThat(ran).filteredOn(call -> call.endsWith("/planned")).containsExactly("FLOWS e1/planned");
	}

	@Test
	void aStepWithoutAHandlerOrWithTwoStopsTheStart() {
		List<ShopEventHandler> all = Stream.of(Step.values()).map(this::recording).toList();

		assertThatThrownBy(() -> new EventPipeline(all.subList(1, all.size())))
				.hasMessageContaining("No handler").hasMessageContaining("METRICS");
		List<ShopEventHandler> twice = new ArrayList<>(all);
		twice.add(recording(Step.CARTS));
		assertThatThrownBy(() -> new EventPipeline(twice)).hasMessageContaining("CARTS has two handlers");
	}

	private ShopEventHandler recording(Step step) {
		return new ShopEventHandler() {
			@Override
			public Step step() {
				return step;
			}

			@Override
			public void beforeEvents(List<ShopEvent> events) {
				ran.add(step + " before " + String.join(",", events.stream().map(ShopEvent::id).toList()));
			}

			@Override
			public void handle(ShopEvent event, DerivedEvents derived) {
				ran.add(step + " " + event.id());
			}
		};
	}

	private ShopEventHandler raising(Step step) {
		return new ShopEventHandler() {
			@Override
			public Step step() {
				return step;
			}

			@Override
			public void handle(ShopEvent event, DerivedEvents derived) {
				ran.add(step + " " + event.id());
				derived.raise(Raised.of(event.id() + "/planned", "planned", event.customerId(), Map.of()));
			}
		};
	}

	private static ShopEvent event(String id) {
		return Raised.of(id, "shop.test", "c-1", Map.of());
	}
}
