/**
 * Builders for settings-catalog setting instances (beta `deviceManagement/configurationPolicies`),
 * so a policy file reads as a list of `setting id → value` rows. Choice values are written as
 * the suffix Intune appends to the setting id (`_1`, `_audit`, ...), which is how the portal
 * exports them.
 */
import type {
  DeviceManagementConfigurationChoiceSettingInstance,
  DeviceManagementConfigurationGroupSettingCollectionInstance,
  DeviceManagementConfigurationIntegerSettingValue,
  DeviceManagementConfigurationPolicy,
  DeviceManagementConfigurationSetting,
  DeviceManagementConfigurationSettingInstance,
  DeviceManagementConfigurationSimpleSettingInstance,
} from "@microsoft/microsoft-graph-types-beta";
import type { SettingsTemplate } from "../facts/intune-templates";
import { ConfigurationError } from "./errors";
import { ODataBody } from "./graph-body";

type Instance = ODataBody<DeviceManagementConfigurationSettingInstance>;

/** A choice setting: `value` is the option suffix, e.g. `choice("…_backupdirectory", "1")`. */
export function choice(settingDefinitionId: string, value: string, children: Instance[] = []): ODataBody<DeviceManagementConfigurationChoiceSettingInstance> {
  return {
    "@odata.type": "#microsoft.graph.deviceManagementConfigurationChoiceSettingInstance",
    settingDefinitionId,
    choiceSettingValue: { value: `${settingDefinitionId}_${value}`, children },
  };
}

/** An integer setting. */
export function integer(settingDefinitionId: string, value: number): ODataBody<DeviceManagementConfigurationSimpleSettingInstance> {
  const simpleSettingValue: ODataBody<DeviceManagementConfigurationIntegerSettingValue> = {
    "@odata.type": "#microsoft.graph.deviceManagementConfigurationIntegerSettingValue",
    value,
  };
  return { "@odata.type": "#microsoft.graph.deviceManagementConfigurationSimpleSettingInstance", settingDefinitionId, simpleSettingValue };
}

/** A group setting collection with one group of children (e.g. the ASR rules). */
export function group(settingDefinitionId: string, children: Instance[]): ODataBody<DeviceManagementConfigurationGroupSettingCollectionInstance> {
  return {
    "@odata.type": "#microsoft.graph.deviceManagementConfigurationGroupSettingCollectionInstance",
    settingDefinitionId,
    groupSettingCollectionValue: [{ children }],
  };
}

/** The `settings` array of a policy: one setting per instance. */
export function settings(...instances: Instance[]): ODataBody<DeviceManagementConfigurationSetting>[] {
  return instances.map((settingInstance) => ({ "@odata.type": "#microsoft.graph.deviceManagementConfigurationSetting", settingInstance }));
}

/**
 * The `templateReference` and `settings` of a policy made from an endpoint-security template:
 * every top-level instance carries the template's instance id and its value the value id (as
 * Intune's own exports do). A setting the template does not list is refused.
 */
export function templateSettings(
  template: SettingsTemplate,
  ...instances: Instance[]
): Pick<DeviceManagementConfigurationPolicy, "templateReference" | "settings"> {
  const referenced = instances.map((instance) => {
    const ids = template.settings[instance.settingDefinitionId ?? ""];
    if (!ids) {
      throw new ConfigurationError(
        `setting ${instance.settingDefinitionId} is not in endpoint-security template ${template.templateId}; allowed: ${Object.keys(template.settings).join(", ")}`,
      );
    }
    const valueReference = { settingValueTemplateReference: { settingValueTemplateId: ids.value, useTemplateDefault: false } };
    const i = instance as Instance & { choiceSettingValue?: object; simpleSettingValue?: object };
    return {
      ...instance,
      settingInstanceTemplateReference: { settingInstanceTemplateId: ids.instance },
      ...(i.choiceSettingValue ? { choiceSettingValue: { ...i.choiceSettingValue, ...valueReference } } : {}),
      ...(i.simpleSettingValue ? { simpleSettingValue: { ...i.simpleSettingValue, ...valueReference } } : {}),
    } as Instance;
  });
  return { templateReference: { templateId: template.templateId }, settings: settings(...referenced) };
}

/** Every `settingDefinitionId → choice value or integer` in a policy body, flattened (for tests and docs). */
export function settingValues(body: { settings?: unknown }): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const walk = (i: any): void => {
    if (!i) return;
    if (i.choiceSettingValue) {
      out[i.settingDefinitionId] = i.choiceSettingValue.value;
      (i.choiceSettingValue.children ?? []).forEach(walk);
    } else if (i.simpleSettingValue) {
      out[i.settingDefinitionId] = i.simpleSettingValue.value;
    } else if (i.groupSettingCollectionValue) {
      for (const g of i.groupSettingCollectionValue) (g.children ?? []).forEach(walk);
    }
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  for (const s of (body.settings as any[]) ?? []) walk(s.settingInstance);
  return out;
}
