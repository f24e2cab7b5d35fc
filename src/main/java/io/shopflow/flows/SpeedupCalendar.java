package io.shopflow.flows;

import java.util.Date;

import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/** Shrinks the time from now (or a given start) to the due date computed by the wrapped calendar. */
class SpeedupCalendar implements BusinessCalendar {

	private final BusinessCalendar calendar;
	private final double factor;

	SpeedupCalendar(BusinessCalendar calendar, double factor) {
		this.calendar = calendar;
		this.factor = factor;
	}

	@Override
	public Date resolveDuedate(String duedate) {
		return shrink(ClockUtil.getCurrentTime(), calendar.resolveDuedate(duedate));
	}

	@Override
	public Date resolveDuedate(String duedate, Date startDate) {
		Date start = startDate == null ? ClockUtil.getCurrentTime() : startDate;
		return shrink(start, calendar.resolveDuedate(duedate, startDate));
	}

	@Override
	public Date resolveDuedate(String duedate, Task task) {
		return shrink(ClockUtil.getCurrentTime(), calendar.resolveDuedate(duedate, task));
	}

	private Date shrink(Date start, Date due) {
		if (due == null) {
			return null;
		}
		long delay = due.getTime() - start.getTime();
		return new Date(start.getTime() + Math.round(delay / factor));
	}
}
