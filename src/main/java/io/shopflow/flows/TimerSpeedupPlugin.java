package io.shopflow.flows;

import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes shopflow.timers.speedup apply to every duration and cycle timer of every flow, the shipped ones and
 * any a marketer deploys, without touching the models.
 */
@Component
class TimerSpeedupPlugin extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(TimerSpeedupPlugin.class);

	private final double factor;

	TimerSpeedupPlugin(TimerSettings settings) {
		this.factor = settings.factor();
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (factor == 1) {
			return;
		}
		log.warn("shopflow.timers.speedup = {}: every flow timer runs {} times faster than real time. "
				+ "For demos and tests only.", factor, factor);
		MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
		calendars.addBusinessCalendar(DurationBusinessCalendar.NAME,
				new SpeedupCalendar(new DurationBusinessCalendar(), factor));
		calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME, new DueDateBusinessCalendar());
		calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new SpeedupCalendar(new CycleBusinessCalendar(), factor));
		configuration.setBusinessCalendarManager(calendars);
	}
}
